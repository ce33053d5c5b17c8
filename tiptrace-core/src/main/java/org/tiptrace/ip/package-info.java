/**
 * IP addresses and, later, their enrichment and attribution. For now: parsing and canonical text
 * (shared/reference/ip-attribution.md, rule IP_PARSE).
 */
@NullMarked
package org.tiptrace.ip;

import org.jspecify.annotations.NullMarked;
