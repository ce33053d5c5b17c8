/**
 * Web administration of the known-hash sets (issue 3 item 6). Sets are national: one list shared by
 * every agency, administered by the ADMINISTER permission. Today only the list; upload, removal and
 * the background re-matching job are CLI-only ({@code tiptrace hashsets}).
 */
@NullMarked
package org.tiptrace.app.hashsets;

import org.jspecify.annotations.NullMarked;
