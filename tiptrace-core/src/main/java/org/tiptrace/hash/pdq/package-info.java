/**
 * PDQ perceptual hashing and exact Hamming-range matching.
 *
 * <p>In: decoded images ({@link org.tiptrace.hash.pdq.PdqHasher}) or 64-digit hex hashes ({@link
 * org.tiptrace.hash.pdq.PdqHash#parseHex}). Out: a 256-bit {@link org.tiptrace.hash.pdq.PdqHash}
 * with a 0–100 quality, and, from {@link org.tiptrace.hash.pdq.PdqIndex} or {@link
 * org.tiptrace.hash.pdq.PdqMatcher}, every stored hash within a Hamming radius, exactly as a linear
 * scan would find them. The package follows {@code shared/reference/pdq.md} (cited as "reference
 * §n"); it handles hashes only and never shows an image to anyone.
 */
@NullMarked
package org.tiptrace.hash.pdq;

import org.jspecify.annotations.NullMarked;
