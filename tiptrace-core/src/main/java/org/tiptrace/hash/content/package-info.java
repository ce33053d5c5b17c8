/**
 * Hashes Tiptrace computes itself from a file's bytes, when it holds them (an evidence attachment,
 * a hotline upload): the exact digests the report did not carry and the PDQ hash with its quality
 * and its eight dihedral variants.
 *
 * <p>In: the bytes and the reported file ({@link org.tiptrace.hash.content.ContentHasher}). Out:
 * {@link org.tiptrace.hash.content.ComputedHashes}, which the matcher uses beside the reported
 * hashes and which every view labels "computed by Tiptrace". Computing a hash is not viewing: no
 * pixel or byte leaves this package, only digests, a quality and a status.
 */
@NullMarked
package org.tiptrace.hash.content;

import org.jspecify.annotations.NullMarked;
