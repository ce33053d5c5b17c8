/**
 * The CyberTipline-compatible hotline API under {@code /ispws}: HTTP Basic authentication of
 * reporting platforms, and a thin controller that maps each endpoint onto one method of core's
 * {@link org.tiptrace.intake.hotline.HotlineService} and writes its answer as NCMEC's response XML.
 * A platform's existing ESP client reaches it by changing only its base URL.
 */
@NullMarked
package org.tiptrace.app.hotline;

import org.jspecify.annotations.NullMarked;
