package org.tiptrace.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentKindTest {

  private static DocumentKind sniff(String s) {
    return DocumentKind.sniff(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void recognisesRootsAfterPrologue() {
    assertThat(sniff("<report/>")).isEqualTo(DocumentKind.REPORT);
    assertThat(
            sniff(
                "\uFEFF<?xml version=\"1.0\"?>\n<!-- <fileDetails> in a comment -->\n"
                    + "<!DOCTYPE report>\n<report xmlns=\"https://report.cybertip.org/ispws/xsd\">"))
        .isEqualTo(DocumentKind.REPORT);
    assertThat(sniff("<?xml version=\"1.0\"?><ns:fileDetails xmlns:ns=\"x\">"))
        .isEqualTo(DocumentKind.FILE_DETAILS);
    assertThat(sniff("  \n{\"reportId\":1}")).isEqualTo(DocumentKind.REPORT);
  }

  @Test
  void unknownOrTruncatedIsOther() {
    assertThat(sniff("")).isEqualTo(DocumentKind.OTHER);
    assertThat(sniff("<reportx/>")).isEqualTo(DocumentKind.OTHER);
    assertThat(sniff("<!-- never closed")).isEqualTo(DocumentKind.OTHER);
    assertThat(sniff("PK\u0003\u0004")).isEqualTo(DocumentKind.OTHER);
  }

  @Test
  void batchOrderIsReportsThenOthersThenFileDetailsStable() {
    List<InputDocument> docs =
        List.of(
            InputDocument.inMemory("f1", bytes("<fileDetails/>")),
            InputDocument.inMemory("o1", bytes("junk")),
            InputDocument.inMemory("r1", bytes("<report/>")),
            InputDocument.inMemory("f2", bytes("<fileDetails/>")),
            InputDocument.inMemory("r2", bytes("{}")));
    assertThat(BatchIntake.ordered(docs))
        .extracting(InputDocument::name)
        .containsExactly("r1", "r2", "o1", "f1", "f2");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
