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

  /**
   * Reads {@link #toString()}'s form, {@code t12/R0} (role by its initial: R, I or V).
   *
   * @throws IllegalArgumentException naming the text and what is wrong
   */
  public static PersonRef parse(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("t([1-9][0-9]{0,17})/([RIV])([0-9]{1,6})").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "person '" + text + "' must look like t12/R0 (tip, role R, I or V, index)");
    }
    UserRole role =
        switch (m.group(2)) {
          case "R" -> UserRole.REPORTED;
          case "I" -> UserRole.INTENDED_RECIPIENT;
          default -> UserRole.VICTIM;
        };
    return new PersonRef(new TipId(Long.parseLong(m.group(1))), role, Integer.parseInt(m.group(3)));
  }

  @Override
  public String toString() {
    return "t" + tip.value() + "/" + role.name().charAt(0) + index;
  }
}
