package org.tiptrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.tip.Tip;

/**
 * cybertip-esp-xml.md §6.2's reference {@code fileDetails}, read by the real reader: "the file
 * itself may be shown (fileViewedByEsp=true), but the EXIF block stays hidden because
 * exifViewedByEsp=false, even though EXIF values were sent".
 */
class ReferenceFileDetailsGateTest {

  @Test
  void theReferenceFileIsViewableButItsExifIsNot() throws IOException {
    byte[] xml;
    try (InputStream in =
        getClass().getResourceAsStream("/org/tiptrace/intake/fuzz/esp-fileDetails.xml")) {
      xml = in.readAllBytes();
    }
    ParseResult parsed =
        DocumentReaders.standard()
            .read("esp-fileDetails.xml", xml, ParseMode.STRICT, IntakeLimits.DEFAULT);
    assertThat(parsed).isInstanceOf(ParseResult.FileDetailsParsed.class);
    Tip tip = GateFixtures.tip(1, GateFixtures.A, ((ParseResult.FileDetailsParsed) parsed).file());
    FileRef ref = new FileRef("9c1d0e6fa24b4a7c8e3f51b2d6a07e44");
    GateRuleSet rules = GateRuleSet.bundled();

    GateDecision content = ViewingGate.decide(tip, ref, List.of(), rules);
    GateDecision exif = ViewingGate.decideExif(tip, ref, List.of(), rules);

    assertThat(content.verdict()).isEqualTo(GateVerdict.ALLOWED);
    assertThat(content.basis()).isEqualTo(GateBasis.ESP_VIEWED);
    assertThat(exif.verdict()).isEqualTo(GateVerdict.BLOCKED);
    assertThat(exif.reason()).startsWith("exifViewedByEsp = false");
    assertThat(tip.report().files().get(0).details()).isNotEmpty();
  }
}
