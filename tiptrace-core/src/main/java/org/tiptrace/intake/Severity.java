package org.tiptrace.intake;

/** How bad a {@link Problem} is: an error rejects the document, a warning does not. */
public enum Severity {
  ERROR,
  WARNING
}
