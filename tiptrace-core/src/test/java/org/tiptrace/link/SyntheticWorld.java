package org.tiptrace.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;

/** Tips from the seeded generator, spread over three agencies. */
public final class SyntheticWorld {
  public static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
  private static final String[] AGENCIES = {"ICAC-NORTH", "ICAC-SOUTH", "ICAC-WEST"};

  private SyntheticWorld() {}

  public static List<Tip> tips(long seed, int count) {
    SyntheticTips gen = new SyntheticTips(seed, UNTIL);
    List<Tip> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(
          new Tip(
              new TipId(i),
              new AgencyId(AGENCIES[i % AGENCIES.length]),
              org.tiptrace.tip.Sha256.of(new byte[] {(byte) i}),
              UNTIL.minus(Duration.ofMinutes(count - i)),
              gen.next(i % 2 == 0 ? SourceFormat.LE_JSON : SourceFormat.ESP_XML_REPORT)));
    }
    return out;
  }
}
