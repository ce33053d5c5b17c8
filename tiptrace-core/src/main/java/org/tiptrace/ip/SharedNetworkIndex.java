package org.tiptrace.ip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sightings of addresses by accounts, for rule SHARED_NET: an address seen for many unrelated
 * accounts within a short window is a shared network (café, campus, CGNAT without port, VPN). The
 * caller decides which accounts are unrelated by the keys it gives.
 */
public final class SharedNetworkIndex {
  private final Map<String, List<AccountObservation>> byIp;

  private SharedNetworkIndex(Map<String, List<AccountObservation>> byIp) {
    this.byIp = byIp;
  }

  public static SharedNetworkIndex empty() {
    return new SharedNetworkIndex(Map.of());
  }

  /** Indexes sightings; addresses that do not parse are skipped (they cannot match a capture). */
  public static SharedNetworkIndex of(List<AccountObservation> observations) {
    Map<String, List<AccountObservation>> m = new HashMap<>();
    for (AccountObservation o : observations) {
      IpAddresses.canonical(o.ip())
          .ifPresent(ip -> m.computeIfAbsent(ip, k -> new ArrayList<>()).add(o));
    }
    m.values().forEach(l -> l.sort(Comparator.comparing(AccountObservation::at)));
    return new SharedNetworkIndex(m);
  }

  /** Distinct accounts seen on the address within {@code window} either side of {@code at}. */
  public Set<String> accountsNear(String canonicalIp, Instant at, Duration window) {
    Set<String> out = new HashSet<>();
    for (AccountObservation o : byIp.getOrDefault(canonicalIp, List.of())) {
      if (!o.at().isBefore(at.minus(window)) && !o.at().isAfter(at.plus(window))) {
        out.add(o.account());
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return byIp.isEmpty();
  }
}
