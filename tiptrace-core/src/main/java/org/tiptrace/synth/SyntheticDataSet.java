package org.tiptrace.synth;

import java.util.List;
import org.tiptrace.intake.RawDocument;

/**
 * Entry point of the synthetic data generator. PLACEHOLDER: the generator lands in its own commit.
 */
public final class SyntheticDataSet {
  private SyntheticDataSet() {}

  /**
   * {@code count} documents (ESP XML reports with their fileDetails, and LE JSON downloads), the
   * same bytes for the same seed.
   */
  public static List<RawDocument> documents(long seed, int count) {
    return List.of();
  }
}
