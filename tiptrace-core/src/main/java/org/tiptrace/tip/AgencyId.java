package org.tiptrace.tip;

import java.util.regex.Pattern;

/**
 * The code of an agency (ICAC task force, national unit, hotline). Every tip belongs to exactly
 * one, and every query of the store is scoped by it.
 */
public record AgencyId(String code) {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public AgencyId {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "agency code '" + code + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
