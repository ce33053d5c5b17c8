package org.tiptrace.intake.hotline;

import java.util.Objects;
import java.util.regex.Pattern;
import org.tiptrace.tip.AgencyId;

/**
 * An ESP account of the hotline API, already authenticated by the app. Every hotline report belongs
 * to the platform that opened it and to that platform's agency.
 *
 * @param username the HTTP Basic user name; also the platform's id
 * @param agency the agency whose tips this platform's reports become
 */
public record Platform(String username, AgencyId agency) {
  /** What HTTP Basic can carry as a user name: no colon, no control characters. */
  private static final Pattern USERNAME = Pattern.compile("[^:\\p{Cntrl}\\s][^:\\p{Cntrl}]{0,127}");

  public Platform {
    Objects.requireNonNull(agency, "agency");
    if (!USERNAME.matcher(username).matches() || !username.equals(username.strip())) {
      throw new IllegalArgumentException(
          "platform username must be 1-128 characters without ':', control characters or"
              + " surrounding blanks");
    }
  }

  @Override
  public String toString() {
    return username + "@" + agency;
  }
}
