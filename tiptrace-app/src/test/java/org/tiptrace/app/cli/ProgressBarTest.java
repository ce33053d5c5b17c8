package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.intake.DocumentResult;
import org.tiptrace.intake.IntakeOutcome;

class ProgressBarTest {

  @Test
  void redrawsInPlaceAndClearsAtTheEnd() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err));
    DocumentResult r = new DocumentResult("a.xml", IntakeOutcome.ACCEPTED, 1L, null, List.of());

    bar.done(0, 2, r);
    bar.done(1, 2, r);
    bar.finish();

    String s = err.toString();
    assertThat(s).contains("\r[###############---------------] 1/2 a.xml");
    assertThat(s).contains("\r[##############################] 2/2 a.xml");
    assertThat(s).endsWith("\r");
    assertThat(s).doesNotContain("\n");
  }
}
