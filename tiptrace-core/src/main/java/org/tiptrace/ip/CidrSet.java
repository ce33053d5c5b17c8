package org.tiptrace.ip;

import java.util.ArrayList;
import java.util.List;

/** A set of address blocks of both families, for membership tests by binary search. */
final class CidrSet {
  private final RangeIndex<Boolean> v4;
  private final RangeIndex<Boolean> v6;
  private final int blocks;

  private CidrSet(RangeIndex<Boolean> v4, RangeIndex<Boolean> v6, int blocks) {
    this.v4 = v4;
    this.v6 = v6;
    this.blocks = blocks;
  }

  static CidrSet of(List<Cidr> cidrs) {
    List<RangeIndex.Range<Boolean>> a = new ArrayList<>();
    List<RangeIndex.Range<Boolean>> b = new ArrayList<>();
    for (Cidr c : cidrs) {
      (c.isIpv6() ? b : a).add(new RangeIndex.Range<>(c.network(), c.lastAddress(), Boolean.TRUE));
    }
    return new CidrSet(RangeIndex.build(a, true), RangeIndex.build(b, true), cidrs.size());
  }

  boolean contains(byte[] address) {
    return (address.length == 4 ? v4 : v6).contains(address);
  }

  /** The number of blocks given (before merging). */
  int blockCount() {
    return blocks;
  }
}
