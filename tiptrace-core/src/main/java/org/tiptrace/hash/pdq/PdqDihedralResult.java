package org.tiptrace.hash.pdq;

import java.util.List;

/**
 * The eight dihedral hashes of one image, in {@link PdqDihedral} order, with the image's quality
 * (the same for all eight).
 */
public record PdqDihedralResult(List<PdqHash> hashes, int quality) {

  public PdqDihedralResult {
    hashes = List.copyOf(hashes);
    if (hashes.size() != PdqDihedral.values().length) {
      throw new IllegalArgumentException("expected 8 dihedral hashes, got " + hashes.size());
    }
  }

  /** The hash of one variant. */
  public PdqHash get(PdqDihedral variant) {
    return hashes.get(variant.ordinal());
  }

  /** The original (untransformed) hash with the quality. */
  public PdqResult original() {
    return new PdqResult(get(PdqDihedral.ORIGINAL), quality);
  }
}
