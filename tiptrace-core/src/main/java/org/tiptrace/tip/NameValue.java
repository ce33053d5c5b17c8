package org.tiptrace.tip;

/** A name and a value, as in {@code details/nameValuePair} or extra LE JSON fields. */
public record NameValue(String name, String value) {}
