package org.tiptrace.app.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn as SVG by the template: no script and no
 * inline style, so it passes the strict Content-Security-Policy. The same numbers are printed in a
 * table beside it for screen readers.
 */
record BarChart(String title, List<Bar> bars, int width, int height) {
  static final int LABEL_WIDTH = 130;
  static final int BAR_AREA = 300;
  static final int ROW = 24;

  record Bar(String label, long value, int y, int barX, int barWidth, int textX) {}

  BarChart {
    bars = List.copyOf(bars);
  }

  static BarChart of(String title, List<String> labels, List<Long> values) {
    long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      long v = values.get(i);
      int w = max == 0 ? 0 : (int) Math.max(v > 0 ? 2 : 0, v * BAR_AREA / max);
      bars.add(new Bar(labels.get(i), v, i * ROW, LABEL_WIDTH, w, LABEL_WIDTH + w + 6));
    }
    return new BarChart(title, bars, LABEL_WIDTH + BAR_AREA + 60, Math.max(ROW, bars.size() * ROW));
  }

  boolean empty() {
    return bars.stream().allMatch(b -> b.value() == 0);
  }
}
