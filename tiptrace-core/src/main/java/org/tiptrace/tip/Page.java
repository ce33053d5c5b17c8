package org.tiptrace.tip;

import java.util.List;

/** One page of a list, with the total for the pager. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
  public Page {
    items = List.copyOf(items);
  }
}
