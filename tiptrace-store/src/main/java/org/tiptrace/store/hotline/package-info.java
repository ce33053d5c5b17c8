/**
 * JDBC storage of the hotline API ({@code /ispws}): {@link
 * org.tiptrace.store.hotline.JdbcHotlineRepository} implements {@link
 * org.tiptrace.intake.hotline.HotlineRepository} over the tables of {@code V2__hotline.sql}
 * (reports, uploaded files, fileinfo documents). Uploaded bytes are not here: they live in the raw
 * archive under their SHA-256.
 */
@NullMarked
package org.tiptrace.store.hotline;

import org.jspecify.annotations.NullMarked;
