package org.tiptrace.tip;

/** Who computed a file hash, because the ESP's and NCMEC's hashes may be of different bytes. */
public enum HashOrigin {
  /** {@code originalFileHash}: the ESP's hash of the file as the user uploaded it. */
  ESP_ORIGINAL,
  /** A hash in {@code details[@type=HASH]} (PDQ, usually). */
  ESP_DETAILS,
  /** NCMEC's {@code verificationHash}: MD5 of the bytes NCMEC received. */
  NCMEC_RECEIVED,
  /** Computed by Tiptrace from bytes it holds (hotline uploads). */
  TIPTRACE
}
