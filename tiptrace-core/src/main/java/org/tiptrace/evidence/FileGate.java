package org.tiptrace.evidence;

/** The gate's state of one file of a tip: its content and its EXIF, decided apart. */
public record FileGate(TipFile file, GateDecision content, GateDecision exif) {}
