package org.tiptrace.app.cli;

/**
 * The exit codes of {@code tiptrace}, also listed in its help and the module README.
 *
 * <ul>
 *   <li>0: done; every document was accepted, attached or a duplicate.
 *   <li>1: done, but something was not there or not accepted: a document was rejected ({@code
 *       ingest}, {@code demo}), or no such tip ({@code tips show}).
 *   <li>2: usage error (unknown option, bad value).
 *   <li>3: an input path does not exist or cannot be read; nothing was ingested.
 *   <li>4: the database could not be opened or used.
 *   <li>5: internal error (a bug): the stack trace is printed.
 *   <li>6: the web app did not start ({@code serve}, {@code demo}): bad configuration such as a
 *       user entry, or the port is taken.
 * </ul>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int NOT_ACCEPTED = 1;
  public static final int USAGE = 2;
  public static final int INPUT = 3;
  public static final int DATABASE = 4;
  public static final int INTERNAL = 5;
  public static final int CONFIG = 6;

  private ExitCodes() {}
}
