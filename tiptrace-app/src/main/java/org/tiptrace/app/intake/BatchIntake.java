package org.tiptrace.app.intake;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.tip.AgencyId;

/**
 * Ingests a batch of documents through core's {@link Intake}, reports first: documents are ordered
 * by {@link DocumentKind} (stable, so the given order holds within a kind), which lets a {@code
 * fileDetails} find the report that came in the same batch. Plain Java, used by the CLI and the
 * API. After a document creates a tip, attaches to one or repeats one, the {@link TipSteps} run on
 * the tip (IP attribution first).
 */
public final class BatchIntake {

  /** Told after each document; for the CLI's progress bar. */
  @FunctionalInterface
  public interface Listener {
    void done(int index, int total, DocumentResult result);
  }

  private final Intake intake;
  private final Clock clock;
  private final TipSteps steps;

  public BatchIntake(Intake intake, Clock clock, TipSteps steps) {
    this.intake = intake;
    this.clock = clock;
    this.steps = steps;
  }

  /** The order in which {@link #ingest} processes {@code documents}. */
  public static List<InputDocument> ordered(List<InputDocument> documents) {
    List<InputDocument> sorted = new ArrayList<>(documents);
    sorted.sort(Comparator.comparing(InputDocument::kind));
    return sorted;
  }

  public IntakeReport ingest(
      AgencyId agency, List<InputDocument> documents, ParseMode mode, Listener listener) {
    List<InputDocument> sorted = ordered(documents);
    List<DocumentResult> results = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      DocumentResult result = ingestOne(agency, sorted.get(i), mode);
      results.add(result);
      listener.done(i, sorted.size(), result);
    }
    return IntakeReport.of(results);
  }

  private DocumentResult ingestOne(AgencyId agency, InputDocument doc, ParseMode mode) {
    if (doc.isUnreadable()) {
      return DocumentResult.unreadable(doc.name(), doc.unreadableProblems());
    }
    byte[] bytes;
    try {
      bytes = doc.loader().load();
    } catch (InputDocument.UnreadableException e) {
      return DocumentResult.unreadable(
          doc.name(), List.of(Problem.error(doc.name(), "", e.getMessage())));
    } catch (IOException e) {
      return DocumentResult.unreadable(
          doc.name(), List.of(Problem.error(doc.name(), "", "cannot read: " + e)));
    }
    IntakeResult result =
        intake.ingest(agency, new RawDocument(doc.name(), bytes, clock.instant()), mode);
    if (result.tipId().isPresent()) {
      steps.after(agency, result.tipId().get(), result.outcome());
    }
    return DocumentResult.of(result);
  }
}
