package org.tiptrace.legal;

import java.util.List;
import java.util.Set;
import org.tiptrace.hash.sets.MatchMethod;

/**
 * The basis a relaxed jurisdiction entry accepts in addition to the strict ones. Documented on
 * strict entries too, so counsel sees what relaxing would mean, but applied only where the entry's
 * mode is {@link GateMode#RELAXED}.
 *
 * @param opens the basis; today only {@link GateBasis#KNOWN_ABUSE_HASH_MATCH}
 * @param methods the match methods that count (exact digests; PDQ only if listed)
 * @param text what it accepts, in plain words
 */
public record RelaxedBasis(
    GateBasis opens, Set<MatchMethod> methods, String text, List<Citation> citations) {
  public RelaxedBasis {
    methods = Set.copyOf(methods);
    citations = List.copyOf(citations);
  }
}
