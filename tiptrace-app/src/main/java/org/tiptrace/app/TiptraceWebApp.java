package org.tiptrace.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot web application, started by {@code tiptrace serve} and {@code tiptrace demo}.
 *
 * <p>Excluded auto-configuration, on purpose:
 *
 * <ul>
 *   <li>Boot's default in-memory user (with a generated password): users come only from {@code
 *       tiptrace.users[]} and the demo, and every filter chain configures its own authentication.
 *   <li>Boot's DataSource and Flyway: storage is opened once by {@link
 *       org.tiptrace.app.system.TiptraceBackend#open} (the store runs its own migrations), not by a
 *       second, auto-configured pool on whatever driver happens to be on the class path.
 * </ul>
 */
@SpringBootApplication(
    exclude = {
      UserDetailsServiceAutoConfiguration.class,
      DataSourceAutoConfiguration.class,
      FlywayAutoConfiguration.class
    })
@ConfigurationPropertiesScan
public class TiptraceWebApp {}
