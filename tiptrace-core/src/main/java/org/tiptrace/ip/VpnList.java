package org.tiptrace.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A VPN or datacenter CIDR list in the X4BNet/lists_vpn layout ({@code output/vpn/ipv4.txt}, {@code
 * output/datacenter/ipv4.txt} and IPv6 variants): one block per line, {@code #} comments. A hit
 * means "legal process goes to that provider, confidence drops" (rule VPN_DC), never "innocent" or
 * "guilty".
 */
public final class VpnList {
  /** What the list holds. */
  public enum Kind {
    VPN,
    DATACENTER
  }

  private final String name;
  private final Kind kind;
  private final LocalDate snapshot;
  private final CidrSet blocks;

  private VpnList(String name, Kind kind, LocalDate snapshot, CidrSet blocks) {
    this.name = name;
    this.kind = kind;
    this.snapshot = snapshot;
    this.blocks = blocks;
  }

  /** Reads a list file (UTF-8). */
  public static VpnList load(Path file, Kind kind, LocalDate snapshot) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.getFileName().toString(), kind, snapshot);
    }
  }

  /** Parses a list; errors name the file and line. */
  public static VpnList parse(Reader in, String name, Kind kind, LocalDate snapshot)
      throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<Cidr> cidrs = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      try {
        cidrs.add(Cidr.parse(s));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + n + ": " + e.getMessage(), e);
      }
    }
    return new VpnList(name, kind, snapshot, CidrSet.of(cidrs));
  }

  public boolean contains(byte[] address) {
    return blocks.contains(address);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public LocalDate snapshot() {
    return snapshot;
  }

  public int blockCount() {
    return blocks.blockCount();
  }
}
