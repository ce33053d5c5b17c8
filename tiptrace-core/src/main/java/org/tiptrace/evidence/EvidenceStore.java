package org.tiptrace.evidence;

/** The two evidence repositories, handed out together by the app's backend. */
public record EvidenceStore(WarrantRepository warrants, FileContentRepository contents) {}
