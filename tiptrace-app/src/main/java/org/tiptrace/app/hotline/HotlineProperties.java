package org.tiptrace.app.hotline;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tiptrace.hotline.*}: the reporting platforms allowed to submit, each with its password
 * hash ({@code {bcrypt}…} or {@code {argon2}…}) and the agency whose tips its reports become.
 */
@ConfigurationProperties("tiptrace.hotline")
public record HotlineProperties(@Nullable List<Entry> platforms) {

  public List<Entry> platformsOrEmpty() {
    return platforms == null ? List.of() : platforms;
  }

  /** One configured platform, as bound; checked by {@link ConfiguredPlatforms}. */
  public record Entry(
      @Nullable String username,
      @Nullable String passwordHash,
      @Nullable String agency,
      @Nullable Boolean enabled) {}
}
