package org.tiptrace.bench.link;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.tiptrace.link.Linker;
import org.tiptrace.link.Subject;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;

/**
 * Incremental linking of N generated tips as ingest sees them: each tip is generated, linked and
 * dropped, so only the linker's own state stays on the heap (unlike {@link LinkMemoryProbe}, which
 * keeps every tip for its soundness check and cannot reach 1M tips in a small heap). Prints wall
 * and thread-CPU time per 100k, GC time, and the heap the linker holds at the end.
 *
 * <p>Usage: {@code java -Xmx8g -cp tiptrace-bench.jar org.tiptrace.bench.link.LinkStreamProbe
 * 1000000 20261122}
 */
public final class LinkStreamProbe {
  private static final AgencyId[] AGENCIES = {
    new AgencyId("ICAC-NORTH"), new AgencyId("ICAC-SOUTH"), new AgencyId("ICAC-WEST")
  };
  private static final Sha256 SOURCE = Sha256.of(new byte[] {42});

  private LinkStreamProbe() {}

  public static void main(String[] args) throws InterruptedException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261122L;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long baseline = usedAfterGc(memory);
    SyntheticTips gen = new SyntheticTips(seed, LinkWorld.UNTIL);
    Linker linker = new Linker();
    long genNanos = 0;
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long gcStart = gcMillis();
    long lapStart = start;
    for (int i = 1; i <= count; i++) {
      long g = System.nanoTime();
      Tip tip =
          new Tip(
              new TipId(i),
              AGENCIES[i % AGENCIES.length],
              SOURCE,
              LinkWorld.UNTIL.minus(Duration.ofSeconds(count - i)),
              gen.next(i % 2 == 0 ? SourceFormat.LE_JSON : SourceFormat.ESP_XML_REPORT));
      genNanos += System.nanoTime() - g;
      linker.ingest(tip);
      if (i % 100_000 == 0) {
        long now = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "%,d tips: last 100k %.1fs wall, heap used %.0f MiB%n",
            i,
            (now - lapStart) / 1e9,
            memory.getHeapMemoryUsage().getUsed() / 1048576.0);
        lapStart = now;
      }
    }
    long nanos = System.nanoTime() - start;
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
    long gc = gcMillis() - gcStart;
    long held = usedAfterGc(memory) - baseline;
    List<Subject> subjects = linker.subjects();
    int largest = subjects.stream().mapToInt(s -> s.members().size()).max().orElse(0);
    long flagged = subjects.stream().filter(s -> !s.reviewFlags().isEmpty()).count();
    System.out.printf(
        Locale.ROOT,
        "tips=%d seed=%d total wall=%.1fs (generation %.1fs, linking %.1fs = %.0f tips/s)"
            + " thread cpu=%.1fs, gc=%.1fs%n"
            + "heap after GC, linker only: %.0f MiB (%.0f bytes/tip)%n"
            + "subjects=%d largest=%d persons, subjects with review flags=%d%n",
        count,
        seed,
        nanos / 1e9,
        genNanos / 1e9,
        (nanos - genNanos) / 1e9,
        count / ((nanos - genNanos) / 1e9),
        cpuNanos / 1e9,
        gc / 1e3,
        held / 1048576.0,
        held / (double) count,
        subjects.size(),
        largest,
        flagged);
    if (linker.tipCount() != count) {
      throw new IllegalStateException("linked " + linker.tipCount() + " of " + count);
    }
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, b.getCollectionTime());
    }
    return sum;
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
