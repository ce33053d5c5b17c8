package org.tiptrace.bench.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;

/** The benchmark's data set: seeded synthetic tips over three agencies, both formats. */
final class LinkWorld {
  static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
  private static final AgencyId[] AGENCIES = {
    new AgencyId("ICAC-NORTH"), new AgencyId("ICAC-SOUTH"), new AgencyId("ICAC-WEST")
  };
  private static final Sha256 SOURCE = Sha256.of(new byte[] {42});

  private LinkWorld() {}

  static List<Tip> tips(long seed, int count) {
    SyntheticTips gen = new SyntheticTips(seed, UNTIL);
    List<Tip> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(
          new Tip(
              new TipId(i),
              AGENCIES[i % AGENCIES.length],
              SOURCE,
              UNTIL.minus(Duration.ofSeconds(count - i)),
              gen.next(i % 2 == 0 ? SourceFormat.LE_JSON : SourceFormat.ESP_XML_REPORT)));
    }
    return out;
  }
}
