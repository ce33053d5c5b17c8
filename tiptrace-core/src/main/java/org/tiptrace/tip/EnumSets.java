package org.tiptrace.tip;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Immutable enum sets that iterate in declaration order, so output is stable. */
final class EnumSets {
  private EnumSets() {}

  static <E extends Enum<E>> Set<E> frozen(Class<E> type, Collection<E> values) {
    EnumSet<E> set = EnumSet.noneOf(type);
    set.addAll(values);
    return Collections.unmodifiableSet(set);
  }
}
