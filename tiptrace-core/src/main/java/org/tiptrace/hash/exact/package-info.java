/**
 * Exact digest matching: MD5, SHA-1 and SHA-256 digests to int payloads (entry ids).
 *
 * <p>In: raw digests (16, 20 or 32 bytes) with the caller's entry ids. Out: from {@link
 * org.tiptrace.hash.exact.DigestIndex}, the ids stored under a digest, in ascending order. The
 * index holds primitive arrays only; when it compares fewer bytes than the digest has ({@link
 * org.tiptrace.hash.exact.DigestIndex#exact()} is false) its hits are candidates that the caller
 * confirms against the full digests it keeps. Lookups allocate nothing ({@link
 * org.tiptrace.hash.exact.DigestIndex#lookup}, {@code next}, {@code payload}); {@link
 * org.tiptrace.hash.exact.DigestIndex#lookupAll(byte[][], int[])} looks up a batch with overlapping
 * cache misses. {@link org.tiptrace.hash.exact.DigestIndex#writeTo} and {@link
 * org.tiptrace.hash.exact.DigestIndex#readFrom} save and load a versioned, checksummed snapshot.
 */
@NullMarked
package org.tiptrace.hash.exact;

import org.jspecify.annotations.NullMarked;
