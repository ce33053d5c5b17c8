package org.tiptrace.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.RawDocument;

class SyntheticDataSetTest {

  @Test
  void everyDocumentPassesTheStrictReaderWithoutWarnings() {
    List<RawDocument> docs = SyntheticDataSet.documents(42, 200);
    assertThat(docs).hasSize(200);
    DocumentReaders readers = DocumentReaders.standard();
    for (RawDocument doc : docs) {
      ParseResult result =
          readers.read(doc.name(), doc.bytes(), ParseMode.STRICT, IntakeLimits.DEFAULT);
      assertThat(result).as(doc.name()).isInstanceOf(ParseResult.ReportParsed.class);
      assertThat(result.problems()).as(doc.name()).isEmpty();
    }
  }

  @Test
  void sameSeedSameBytes() {
    List<RawDocument> a = SyntheticDataSet.documents(5, 20);
    List<RawDocument> b = SyntheticDataSet.documents(5, 20);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).bytes()).isEqualTo(b.get(i).bytes());
      assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
    }
  }
}
