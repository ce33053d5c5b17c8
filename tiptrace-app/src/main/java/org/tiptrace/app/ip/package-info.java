/**
 * IP data in the app: the installed data sets as an attribution stage ({@link
 * org.tiptrace.app.ip.InstalledIpData}), re-assessment of stored tips ({@link
 * org.tiptrace.app.ip.Reassessment}) as a CLI run or a background job, and the API for both and for
 * the routing review list.
 */
@NullMarked
package org.tiptrace.app.ip;

import org.jspecify.annotations.NullMarked;
