package org.tiptrace.app.rules;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.system.TiptraceBackend;

/** The rule-set workflow of the web app, on the active rules the other beans apply. */
@Configuration
class RulesConfiguration {

  @Bean
  RuleSets ruleSets(TiptraceBackend backend, ActiveRules active, Clock clock) {
    return new RuleSets(backend, active, clock);
  }
}
