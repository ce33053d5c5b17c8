package org.tiptrace.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/**
 * The audit chain: canonical bytes of an entry and its SHA-256 link to the entry before.
 *
 * <p><b>Approach.</b> A hash chain as in tamper-evident logging [1][2]: each entry's hash covers
 * its own fields and the previous entry's hash, so changing, removing, inserting or reordering any
 * stored entry breaks the link at that entry or the next, and {@link AuditVerifier} finds the first
 * break by recomputing the chain from the {@link #GENESIS} value. No key is involved: the chain
 * proves consistency, not authorship.
 *
 * <p><b>Limit.</b> Whoever can rewrite the table can also recompute every hash after the entry they
 * changed, and cutting entries off the end leaves a shorter chain that is still consistent. Both
 * are only detected against a head hash kept elsewhere [1][3]: the verifier reports the head
 * (sequence and hash) so operators can anchor it outside the database (a ticket, a signed mail, a
 * write-once store) and compare later runs. The store also keeps the head in a row of its own,
 * which catches careless truncation but not a careful attacker.
 *
 * <p><b>Encoding, version 1</b> ({@link #encode}); all integers big-endian, every text UTF-8 with a
 * 4-byte length prefix, so no two different entries share an encoding:
 *
 * <ol>
 *   <li>format version, 4 bytes ({@value #FORMAT_VERSION})
 *   <li>sequence, 8 bytes
 *   <li>time: epoch seconds, 8 bytes; nanosecond of the second, 4 bytes
 *   <li>actor; agency code (empty text when none); action name; subject type name; subject id;
 *       detail: each length-prefixed text
 *   <li>previous hash, 32 raw bytes
 * </ol>
 *
 * <p>hash = SHA-256(encoding). The first entry's previous hash is {@link #GENESIS}, the SHA-256 of
 * the UTF-8 text {@value #GENESIS_TEXT}. A later format gets a new version number and its own
 * branch in {@link #hash}; entries keep the version they were written with and stay verifiable.
 *
 * <p>References:
 *
 * <ol>
 *   <li>B. Schneier, J. Kelsey, "Secure Audit Logs to Support Computer Forensics", ACM TISSEC 2(2),
 *       1999.
 *   <li>S. A. Crosby, D. S. Wallach, "Efficient Data Structures for Tamper-Evident Logging", USENIX
 *       Security 2009.
 *   <li>RFC 6962, Certificate Transparency, section 2.1 (signed tree heads published elsewhere).
 * </ol>
 */
public final class AuditChain {
  /** The version of the canonical encoding new entries are hashed with. */
  public static final int FORMAT_VERSION = 1;

  /** Text whose SHA-256 is {@link #GENESIS}. */
  public static final String GENESIS_TEXT = "tiptrace audit chain genesis v1";

  /** What the first entry chains to. */
  public static final Sha256 GENESIS = Sha256.of(GENESIS_TEXT.getBytes(StandardCharsets.UTF_8));

  private AuditChain() {}

  /** Whether entries of this format version can be checked. */
  public static boolean supports(int formatVersion) {
    return formatVersion == 1;
  }

  /**
   * The hash the entry should have, from its fields and its previous hash (its own {@code hash} is
   * ignored).
   *
   * @throws IllegalArgumentException when its format version is not {@link #supports supported}
   */
  public static Sha256 hash(AuditEntry entry) {
    return Sha256.of(encode(entry));
  }

  /** The canonical bytes of version 1 (see the class comment). */
  static byte[] encode(AuditEntry e) {
    if (!supports(e.formatVersion())) {
      throw new IllegalArgumentException(
          "audit entry " + e.sequence() + " has unknown format version " + e.formatVersion());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(ByteBuffer.allocate(4).putInt(e.formatVersion()).array());
    out.writeBytes(ByteBuffer.allocate(8).putLong(e.sequence()).array());
    out.writeBytes(ByteBuffer.allocate(8).putLong(e.at().getEpochSecond()).array());
    out.writeBytes(ByteBuffer.allocate(4).putInt(e.at().getNano()).array());
    text(out, e.actor());
    text(out, e.agency().map(AgencyId::code).orElse(""));
    text(out, e.action().name());
    text(out, e.subjectType().name());
    text(out, e.subjectId());
    text(out, e.detail());
    out.writeBytes(HexFormat.of().parseHex(e.previousHash().hex()));
    return out.toByteArray();
  }

  private static void text(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
    out.writeBytes(b);
  }
}
