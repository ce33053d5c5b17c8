package org.tiptrace.app.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tiptrace.tip.Page;

/**
 * The envelope of every API list: the items, the total, this page's offset and limit, and the
 * offsets of the neighbouring pages ({@code null} at either end), so a client pages without
 * arithmetic.
 */
public record ApiPage<T>(
    List<T> items,
    long total,
    int offset,
    int limit,
    @Nullable Integer nextOffset,
    @Nullable Integer previousOffset) {

  public ApiPage {
    items = List.copyOf(items);
  }

  public static <T> ApiPage<T> of(Page<T> page) {
    long next = (long) page.offset() + page.limit();
    return new ApiPage<>(
        page.items(),
        page.total(),
        page.offset(),
        page.limit(),
        next < page.total() ? (int) next : null,
        page.offset() > 0 ? Math.max(0, page.offset() - page.limit()) : null);
  }
}
