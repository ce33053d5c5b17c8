package org.tiptrace.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tiptrace.app.ip.RoutingReview;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tiptrace ip routing --review}: the agency's tips whose jurisdiction a person decides. */
@Command(
    name = "routing",
    mixinStandardHelpOptions = true,
    description = {
      "Jurisdiction routing of the agency's tips.",
      "--review lists the tips whose location is unknown or conflicting (outcome REVIEW), with"
          + " the reasons and the locations seen. Geolocation picks a jurisdiction only."
    })
final class IpRoutingCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandSpec spec = CommandSpec.create();

  @Option(names = "--review", description = "List the routing review queue.")
  boolean review;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "At most this many (1-1000, default 100).")
  int limit;

  IpRoutingCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!review) {
      throw new ParameterException(spec.commandLine(), "say what to show: --review");
    }
    if (limit < 1 || limit > 1000) {
      throw new ParameterException(spec.commandLine(), "--limit must be 1..1000, was " + limit);
    }
    RootCommand root = RootCommand.of(spec);
    AgencyId agency = root.agency(env, spec);
    List<AssessmentRepository.ReviewItem> items;
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
      items = backend.ipAssessments().routingReview(agency, 0, limit);
    }
    if (json) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (AssessmentRepository.ReviewItem i : items) {
        out.add(RoutingReview.item(i));
      }
      env.out().println(TipJson.writePretty(out));
    } else if (items.isEmpty()) {
      env.out().println("No tips of " + agency + " wait for a routing review.");
    } else {
      for (AssessmentRepository.ReviewItem i : items) {
        JsonNode r = i.routingTree();
        env.out().println("tip " + i.tip().value() + ": " + join(r.get("reasons")));
        for (JsonNode e : r.path("evidence")) {
          env.out().println("    " + e.asText());
        }
      }
    }
    env.out().flush();
    return ExitCodes.OK;
  }

  private static String join(JsonNode reasons) {
    List<String> out = new ArrayList<>();
    reasons.forEach(n -> out.add(n.asText()));
    return String.join("; ", out);
  }
}
