package org.tiptrace.hash.sets;

/** An entry as stored: its key (the exact index's payload) and the set it belongs to. */
public record StoredEntry(long id, long setId, HashEntry entry) {}
