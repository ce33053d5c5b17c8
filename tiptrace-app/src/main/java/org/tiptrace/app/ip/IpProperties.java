package org.tiptrace.app.ip;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tiptrace.ip.*} configuration of the web app.
 *
 * @param synthetic {@code tiptrace.ip.synthetic}: accept documentation and benchmarking ranges
 *     (tests and the demo); default false, production mode
 * @param routingTable {@code tiptrace.ip.routing-table}: a jurisdiction routing table (YAML);
 *     default the bundled one
 */
@ConfigurationProperties("tiptrace.ip")
public record IpProperties(@Nullable Boolean synthetic, @Nullable Path routingTable) {

  public boolean syntheticMode() {
    return synthetic != null && synthetic;
  }

  public Optional<Path> routingTableFile() {
    return Optional.ofNullable(routingTable);
  }
}
