package org.tiptrace.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conventions of tiptrace-core that the build enforces (style.md #1, #2, #23). The Maven enforcer
 * bans the dependencies; this test bans the use, including through the JDK's own JDBC API.
 */
class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tiptrace");
  }

  @Test
  void coreKnowsNoFrameworkAndNoJdbc() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "org.flywaydb..")
        .because(
            "tiptrace-core is plain Java; persistence lives in tiptrace-store, Spring in tiptrace-app")
        .check(core);
  }

  @Test
  void theModelDependsOnNoStage() {
    noClasses()
        .that()
        .resideInAPackage("org.tiptrace.tip..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tiptrace.intake..",
            "org.tiptrace.hash..",
            "org.tiptrace.link..",
            "org.tiptrace.triage..",
            "org.tiptrace.legal..",
            "org.tiptrace.evidence..",
            "org.tiptrace.audit..",
            "org.tiptrace.synth..")
        .because("the model is shared by every stage; data flows one way through the stages")
        .check(core);
  }

  @Test
  void formatReadersDoNotKnowEachOther() {
    slices()
        .matching("org.tiptrace.intake.(*)..")
        .should()
        .notDependOnEachOther()
        .because("each format is a self-contained sub-package behind the reader registry")
        .check(core);
  }

  @Test
  void capabilitiesAreFreeOfCycles() {
    slices().matching("org.tiptrace.(*)..").should().beFreeOfCycles().check(core);
  }
}
