package org.tiptrace.hash.content;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.pdq.PdqDihedralResult;
import org.tiptrace.hash.pdq.PdqHash;

/**
 * The PDQ outcome for a file's bytes.
 *
 * @param hash the original hash (64 hex digits), when the image was hashed (also at low quality)
 * @param quality 0–100, when hashed
 * @param dihedral the eight variants in {@link PdqDihedral} order (the first is {@code hash});
 *     empty when not hashed
 * @param reason why there is no usable hash, in words; empty when {@link PdqStatus#HASHED}
 */
public record ComputedPdq(
    PdqStatus status,
    Optional<String> hash,
    OptionalInt quality,
    List<String> dihedral,
    Optional<String> reason) {

  public ComputedPdq {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(quality, "quality");
    dihedral = List.copyOf(dihedral);
    Objects.requireNonNull(reason, "reason");
    boolean hashed = status == PdqStatus.HASHED || status == PdqStatus.LOW_QUALITY;
    if (hashed != hash.isPresent() || hashed != quality.isPresent()) {
      throw new IllegalArgumentException(status + ": hash and quality go with a hashed image only");
    }
    if (hashed && dihedral.size() != PdqDihedral.values().length) {
      throw new IllegalArgumentException("a hashed image has 8 dihedral hashes");
    }
    if (status == PdqStatus.HASHED == reason.isPresent()) {
      throw new IllegalArgumentException(status + ": a reason goes with every other status");
    }
  }

  /** The hashes of a decoded image: usable, or flagged when the quality is under the gate. */
  static ComputedPdq of(PdqDihedralResult r) {
    List<String> hashes = r.hashes().stream().map(PdqHash::toHex).toList();
    boolean usable = r.original().usable();
    return new ComputedPdq(
        usable ? PdqStatus.HASHED : PdqStatus.LOW_QUALITY,
        Optional.of(hashes.get(0)),
        OptionalInt.of(r.quality()),
        hashes,
        usable
            ? Optional.empty()
            : Optional.of(
                "quality "
                    + r.quality()
                    + " is below "
                    + org.tiptrace.hash.pdq.PdqResult.QUALITY_THRESHOLD
                    + ": not matched"));
  }

  static ComputedPdq none(PdqStatus status, String reason) {
    return new ComputedPdq(
        status, Optional.empty(), OptionalInt.empty(), List.of(), Optional.of(reason));
  }

  /** The variant's hash, when the image was hashed with usable quality. */
  public Optional<PdqHash> usable(PdqDihedral variant) {
    return status == PdqStatus.HASHED
        ? Optional.of(PdqHash.parseHex(dihedral.get(variant.ordinal())))
        : Optional.empty();
  }
}
