package org.tiptrace.link;

import java.util.Comparator;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.UserRole;

/**
 * One person block of one tip: the unit the linker groups into subjects.
 *
 * @param index position within the role's list in the report
 */
public record PersonRef(TipId tip, UserRole role, int index) implements Comparable<PersonRef> {
  private static final Comparator<PersonRef> ORDER =
      Comparator.comparingLong((PersonRef p) -> p.tip().value())
          .thenComparing(PersonRef::role)
          .thenComparingInt(PersonRef::index);

  public PersonRef {
    if (index < 0) {
      throw new IllegalArgumentException("person index must be >= 0, was " + index);
    }
  }

  @Override
  public int compareTo(PersonRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return "t" + tip.value() + "/" + role.name().charAt(0) + index;
  }
}
