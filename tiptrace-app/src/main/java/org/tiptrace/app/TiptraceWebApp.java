package org.tiptrace.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot web application, started by {@code tiptrace serve} and {@code tiptrace demo}.
 *
 * <p>Boot's default in-memory user (with a generated password) is excluded: users come only from
 * {@code tiptrace.users[]} and the demo, and every filter chain configures its own authentication.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class TiptraceWebApp {}
