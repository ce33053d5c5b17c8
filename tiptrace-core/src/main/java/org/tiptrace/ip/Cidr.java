package org.tiptrace.ip;

import java.util.Arrays;

/**
 * An address block: network bytes (4 or 16) and a prefix length. {@link #parse} accepts {@code
 * a.b.c.d/n}, {@code x::/n} or a bare address (a host route).
 */
public record Cidr(byte[] network, int prefixLength) {

  public Cidr {
    if (network.length != 4 && network.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + network.length);
    }
    int bits = network.length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " not in 0.." + bits);
    }
    network = mask(network, prefixLength);
  }

  /** Parses CIDR text; host bits are cleared. */
  public static Cidr parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    byte[] bytes =
        IpAddresses.parse(addr)
            .orElseThrow(
                () -> new IllegalArgumentException("not an address block: '" + text + "'"));
    int len = bytes.length * 8;
    if (slash >= 0) {
      try {
        len = Integer.parseInt(s.substring(slash + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
      }
      if (bytes.length == 4 && addr.indexOf(':') >= 0) {
        // ::ffff:a.b.c.d/n was converted to IPv4: the prefix counted the 96 mapped bits.
        len -= 96;
      }
    }
    return new Cidr(bytes, len);
  }

  public boolean isIpv6() {
    return network.length == 16;
  }

  /** True when {@code address} (4 or 16 bytes) is inside this block. */
  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int m = (0xff << (8 - rest)) & 0xff;
    return (address[full] & m) == (network[full] & m);
  }

  /** The last address of the block. */
  public byte[] lastAddress() {
    byte[] out = network.clone();
    for (int bit = prefixLength; bit < out.length * 8; bit++) {
      out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return out;
  }

  static byte[] mask(byte[] address, int prefixLength) {
    byte[] out = address.clone();
    for (int bit = prefixLength; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c
        && c.prefixLength == prefixLength
        && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefixLength;
  }

  @Override
  public String toString() {
    return IpAddresses.format(network) + "/" + prefixLength;
  }
}
