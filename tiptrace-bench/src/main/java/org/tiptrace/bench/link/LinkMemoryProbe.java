package org.tiptrace.bench.link;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tiptrace.link.Evidence;
import org.tiptrace.link.Linker;
import org.tiptrace.link.Subject;
import org.tiptrace.tip.Tip;

/**
 * Heap held by a linker after ingesting N tips: heap used after GC with the tips dropped, minus the
 * baseline before. Also prints the shape of the result (subjects, largest subject) so a change in
 * speed can be told apart from a change in what was linked.
 *
 * <p>Usage: {@code java -Xmx2g -cp tiptrace-bench.jar org.tiptrace.bench.link.LinkMemoryProbe
 * 100000 20261122}
 */
public final class LinkMemoryProbe {
  private LinkMemoryProbe() {}

  public static void main(String[] args) throws InterruptedException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261122L;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = usedAfterGc(memory);
    List<Tip> tips = LinkWorld.tips(seed, count);
    long withTips = usedAfterGc(memory);
    Linker linker = new Linker();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (Tip t : tips) {
      linker.ingest(t);
    }
    long nanos = System.nanoTime() - start;
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
    soundness(tips, linker);
    tips = null;
    long withLinker = usedAfterGc(memory);
    List<Subject> subjects = linker.subjects();
    int largest = subjects.stream().mapToInt(s -> s.members().size()).max().orElse(0);
    long multiTip = subjects.stream().filter(s -> s.tips().size() > 1).count();
    System.out.printf(
        Locale.ROOT,
        "tips=%d seed=%d ingest wall=%.2fs (%.0f tips/s) cpu=%.2fs (%.0f tips/s per core);"
            + " one pass, includes JIT warm-up%n"
            + "heap after GC: baseline=%.1f MiB, tips=%.1f MiB, linker only=%.1f MiB"
            + " (%.0f bytes/tip)%n"
            + "subjects=%d multi-tip subjects=%d largest subject=%d persons%n",
        count,
        seed,
        nanos / 1e9,
        count / (nanos / 1e9),
        cpuNanos / 1e9,
        count / (cpuNanos / 1e9),
        baseline / 1048576.0,
        (withTips - baseline) / 1048576.0,
        (withLinker - baseline) / 1048576.0,
        (withLinker - baseline) / (double) count,
        subjects.size(),
        multiTip,
        largest);
    Subject big =
        subjects.stream().max(java.util.Comparator.comparingInt(s -> s.members().size())).get();
    Map<String, Integer> byKind = new TreeMap<>();
    for (Evidence e : big.evidence()) {
      byKind.merge(
          e.identifier().map(i -> i.kind().name() + "/" + i.strength()).orElse("MANUAL"),
          1,
          Integer::sum);
    }
    System.out.printf(
        Locale.ROOT,
        "largest subject %s: %d tips, shared strong identifiers by kind %s%n",
        big.id(),
        big.tips().size(),
        byKind);
    if (linker.tipCount() != count) {
      throw new IllegalStateException("linked " + linker.tipCount() + " of " + count);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * Soundness against the generator's ground truth: only its recurring offenders carry an "App
   * install ID" device, one per offender. Reports offenders split over several subjects (missed
   * links), subjects holding two or more offenders, and other persons pulled into an offender's
   * subject (false merges, from identifiers the generator draws from small pools).
   */
  private static void soundness(List<Tip> tips, Linker linker) {
    Map<String, java.util.Set<org.tiptrace.link.SubjectId>> subjectsByOffender = new TreeMap<>();
    Map<org.tiptrace.link.SubjectId, java.util.Set<String>> offendersBySubject =
        new java.util.HashMap<>();
    Map<org.tiptrace.link.SubjectId, Integer> othersBySubject = new java.util.HashMap<>();
    for (Tip t : tips) {
      for (org.tiptrace.link.PersonIdentifiers p : Linker.identifiers(t)) {
        org.tiptrace.link.SubjectId s = linker.subjectOf(p.person());
        String offender = null;
        for (org.tiptrace.link.Identifier i : p.identifiers()) {
          if (i.key().startsWith("dev|appinstallid|")) {
            offender = i.key();
          }
        }
        if (offender != null) {
          subjectsByOffender.computeIfAbsent(offender, k -> new java.util.HashSet<>()).add(s);
          offendersBySubject.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(offender);
        } else {
          othersBySubject.merge(s, 1, Integer::sum);
        }
      }
    }
    long split = subjectsByOffender.values().stream().filter(v -> v.size() > 1).count();
    long mixed = offendersBySubject.values().stream().filter(v -> v.size() > 1).count();
    int maxOffenders =
        offendersBySubject.values().stream().mapToInt(java.util.Set::size).max().orElse(0);
    long pulledIn =
        offendersBySubject.keySet().stream()
            .mapToLong(s -> othersBySubject.getOrDefault(s, 0))
            .sum();
    System.out.printf(
        Locale.ROOT,
        "soundness: offenders=%d split over >1 subject=%d; subjects with >=2 offenders=%d (max %d);"
            + " non-offender persons in offender subjects=%d%n",
        subjectsByOffender.size(),
        split,
        mixed,
        maxOffenders,
        pulledIn);
  }
}
