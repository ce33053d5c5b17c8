package org.tiptrace.tip;

/**
 * Content the tolerant reader did not recognise, kept rather than dropped.
 *
 * @param path element path ({@code /report/incidentSummary/foo}) or JSON pointer
 * @param content the element's text or the JSON value, as text
 */
public record UnknownElement(String path, String content) {}
