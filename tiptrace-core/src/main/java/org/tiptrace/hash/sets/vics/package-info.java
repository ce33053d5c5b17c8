/**
 * Project VIC VICS JSON (1.1–1.3 {@code odata.metadata}, 2.0 {@code @odata.context}; {@code #Cases}
 * and {@code #Media}), read with Jackson's streaming parser one Media object at a time.
 */
@NullMarked
package org.tiptrace.hash.sets.vics;

import org.jspecify.annotations.NullMarked;
