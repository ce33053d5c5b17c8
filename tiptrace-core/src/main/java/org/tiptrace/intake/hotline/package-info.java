/**
 * The CyberTipline-compatible hotline API ({@code /ispws}): ESP clients submit reports to Tiptrace
 * exactly as they would to NCMEC (shared/reference/cybertip-esp-xml.md §1).
 *
 * <p>Owns: the life of an unfinished hotline report (open, upload, fileinfo, finish, retract,
 * expiry), the NCMEC response codes ({@link org.tiptrace.intake.hotline.ResponseCode}), the
 * response documents ({@link org.tiptrace.intake.hotline.HotlineResponse}, written by {@link
 * org.tiptrace.intake.hotline.HotlineXml}), and the ports {@link
 * org.tiptrace.intake.hotline.HotlineRepository} and {@link
 * org.tiptrace.intake.hotline.PlatformCredentials}.
 *
 * <p>In: an authenticated {@link org.tiptrace.intake.hotline.Platform} and the request body. Out:
 * one response value per call. The entry point is {@link
 * org.tiptrace.intake.hotline.HotlineService}; a finished report leaves this package as a tip
 * through {@link org.tiptrace.intake.Intake}. Authentication (HTTP Basic against {@link
 * org.tiptrace.intake.hotline.PlatformCredentials}) and HTTP mapping belong to the app.
 */
@NullMarked
package org.tiptrace.intake.hotline;

import org.jspecify.annotations.NullMarked;
