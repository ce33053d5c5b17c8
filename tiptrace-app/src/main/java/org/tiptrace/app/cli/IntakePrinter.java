package org.tiptrace.app.cli;

import java.io.PrintWriter;
import org.tiptrace.app.intake.DocumentResult;
import org.tiptrace.app.intake.IntakeReport;
import org.tiptrace.intake.IntakeOutcome;

/** The text summary of a batch: counts, then every rejected document with all its problems. */
final class IntakePrinter {
  private IntakePrinter() {}

  static void print(IntakeReport report, PrintWriter out) {
    IntakeReport.Summary s = report.summary();
    out.println(
        "Ingested "
            + s.total()
            + (s.total() == 1 ? " document: " : " documents: ")
            + s.accepted()
            + " accepted, "
            + s.attached()
            + " attached, "
            + s.duplicate()
            + " duplicate, "
            + s.rejected()
            + " rejected");
    for (DocumentResult d : report.documents()) {
      if (d.outcome() == IntakeOutcome.REJECTED) {
        out.println("REJECTED " + d.name());
        d.problems().forEach(p -> out.println("  " + p.message()));
      }
    }
    out.flush();
  }
}
