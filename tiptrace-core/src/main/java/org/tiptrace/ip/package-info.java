/**
 * IP attribution: from an {@code ipCaptureEvent} to a classified, enriched event, a retention
 * deadline, an ISP request and a jurisdiction route (shared/reference/ip-attribution.md).
 *
 * <p>Entry point: {@link org.tiptrace.ip.IpAttribution}. In: {@link
 * org.tiptrace.tip.IpCaptureEvent} or a {@link org.tiptrace.tip.Report}, an {@link
 * org.tiptrace.ip.EventContext}, and data sets loaded once ({@link org.tiptrace.ip.MmdbDatabase},
 * {@link org.tiptrace.ip.CsvRangeDatabase}, {@link org.tiptrace.ip.TorExitList}, {@link
 * org.tiptrace.ip.VpnList}, {@link org.tiptrace.ip.RetentionTable}, {@link
 * org.tiptrace.ip.JurisdictionTable}). Out: {@link org.tiptrace.ip.IpEventAssessment}, {@link
 * org.tiptrace.ip.IspRequest}, {@link org.tiptrace.ip.RoutingDecision}. Also the address
 * canonicaliser {@link org.tiptrace.ip.IpAddresses} (rule IP_PARSE).
 *
 * <p>Data files (versioned, cited): {@code isp-retention.yaml}, {@code jurisdiction-routes.yaml},
 * {@code special-purpose-ranges.txt}. Geolocation is for jurisdiction only; nothing here is legal
 * advice.
 */
@NullMarked
package org.tiptrace.ip;

import org.jspecify.annotations.NullMarked;
