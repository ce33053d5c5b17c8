package org.tiptrace.hash.sets;

/** How a file matched an entry. */
public enum MatchMethod {
  EXACT_MD5,
  EXACT_SHA1,
  EXACT_SHA256,
  /** PDQ within the Hamming radius; the match carries the distance. */
  PDQ;

  public static MatchMethod of(DigestAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> EXACT_MD5;
      case SHA1 -> EXACT_SHA1;
      case SHA256 -> EXACT_SHA256;
      case PDQ -> PDQ;
    };
  }
}
