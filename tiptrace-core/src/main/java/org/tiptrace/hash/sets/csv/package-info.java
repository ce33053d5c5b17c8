/**
 * Plain CSV hash lists: a header row naming the columns, then one record per line. See {@link
 * org.tiptrace.hash.sets.csv.CsvHashReader} for the columns.
 */
@NullMarked
package org.tiptrace.hash.sets.csv;

import org.jspecify.annotations.NullMarked;
