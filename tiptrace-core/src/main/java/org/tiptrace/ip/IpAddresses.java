package org.tiptrace.ip;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses IP address literals without any name lookup and writes them in canonical form: IPv4 dotted
 * quad without leading zeros; IPv6 per RFC 5952 (lower case, longest run of two or more zero groups
 * compressed, the first such run on a tie); IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) becomes IPv4;
 * a zone index ({@code %eth0}) is dropped, as the attribution rule IP_PARSE asks.
 *
 * <p>Why hand-written: {@code InetAddress.getByName} may resolve names, and {@code
 * InetAddress.ofLiteral} needs Java 22.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /** The canonical text, or empty when {@code text} is not an IPv4 or IPv6 literal. */
  public static Optional<String> canonical(String text) {
    return parse(text).map(IpAddresses::format);
  }

  /** The address bytes (4 or 16), or empty when not a literal. */
  public static Optional<byte[]> parse(String text) {
    String s = text.strip();
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    if (bytes == null) {
      return Optional.empty();
    }
    if (bytes.length == 16 && isV4Mapped(bytes)) {
      byte[] v4 = new byte[4];
      System.arraycopy(bytes, 12, v4, 0, 4);
      return Optional.of(v4);
    }
    return Optional.of(bytes);
  }

  /** Canonical text of 4 or 16 address bytes. */
  public static String format(byte[] bytes) {
    if (bytes.length == 4) {
      return (bytes[0] & 0xff)
          + "."
          + (bytes[1] & 0xff)
          + "."
          + (bytes[2] & 0xff)
          + "."
          + (bytes[3] & 0xff);
    }
    if (bytes.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1; // RFC 5952 4.2.2: a single zero group is not compressed
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  public static boolean isIpv6(String canonical) {
    return canonical.indexOf(':') >= 0;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      // Leading zeros are refused: some parsers read them as octal, so their meaning is ambiguous.
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseV6(String input) {
    String s = input.toLowerCase(Locale.ROOT);
    byte[] tailV4 = null;
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.', lastColon) >= 0) {
      tailV4 = parseV4(s.substring(lastColon + 1));
      if (tailV4 == null) {
        return null;
      }
      s = s.substring(0, lastColon + 1) + "0:0"; // placeholder groups, replaced below
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl >= 0 ? s.substring(0, dbl) : s;
    String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
    int[] h = groups(head);
    int[] t = groups(tail);
    if (h == null || t == null) {
      return null;
    }
    int total = h.length + t.length;
    if (dbl < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(t, 0, all, 8 - t.length, t.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    if (tailV4 != null) {
      System.arraycopy(tailV4, 0, out, 12, 4);
    }
    return out;
  }

  private static int[] groups(String part) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] g = part.split(":", -1);
    int[] out = new int[g.length];
    for (int i = 0; i < g.length; i++) {
      String x = g[i];
      if (x.isEmpty() || x.length() > 4) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < x.length(); k++) {
        int d = Character.digit(x.charAt(k), 16);
        if (d < 0) {
          return null;
        }
        v = (v << 4) | d;
      }
      out[i] = v;
    }
    return out;
  }
}
