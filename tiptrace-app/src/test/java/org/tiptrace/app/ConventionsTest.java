package org.tiptrace.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The app's conventions, checked on its compiled classes. */
class ConventionsTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tiptrace.app");

  @Test
  void onlyTheEntryPointTouchesTheConsoleOrExits() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(TiptraceMain.class.getName())
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .check(APP);
  }

  @Test
  void theCommandLineDoesNotStartSpring() {
    // Non-web commands build core objects directly; Spring starts only through system.WebServer.
    noClasses()
        .that()
        .resideInAPackage("org.tiptrace.app.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.boot..",
            "org.springframework.context..",
            "org.springframework.web..",
            "org.springframework.beans..")
        .check(APP);
  }

  @Test
  void controllersArePackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .bePackagePrivate()
        .check(APP);
  }

  @Test
  void onlyTheBackendMayKnowTheStore() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.tiptrace.app.system.TiptraceBackend")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.tiptrace.store..")
        .allowEmptyShould(true)
        .check(APP);
  }
}
