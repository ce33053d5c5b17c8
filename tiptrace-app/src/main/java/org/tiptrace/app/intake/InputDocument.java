package org.tiptrace.app.intake;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.tiptrace.intake.Problem;

/**
 * A document waiting in a batch: its name, its sniffed kind, and how to get its bytes. Bytes are
 * loaded one document at a time, so a large folder or zip is never held in memory at once.
 *
 * <p>A document that could not even be read (an oversized zip entry, an unreadable file) is {@link
 * #unreadable}: it is reported as rejected with its problem and never reaches the archive.
 */
public record InputDocument(
    String name, DocumentKind kind, Loader loader, List<Problem> unreadableProblems) {

  /** Reads the bytes; may fail with a {@link IOException} or an {@link UnreadableException}. */
  @FunctionalInterface
  public interface Loader {
    byte[] load() throws IOException;
  }

  /** Thrown by a {@link Loader} when the bytes break a limit; the message is the problem. */
  public static final class UnreadableException extends IOException {
    public UnreadableException(String message) {
      super(message);
    }
  }

  public InputDocument {
    Objects.requireNonNull(name, "name");
    unreadableProblems = List.copyOf(unreadableProblems);
  }

  public static InputDocument of(String name, DocumentKind kind, Loader loader) {
    return new InputDocument(name, kind, loader, List.of());
  }

  public static InputDocument inMemory(String name, byte[] bytes) {
    return of(name, DocumentKind.sniff(bytes), () -> bytes);
  }

  public static InputDocument unreadable(String name, String reason) {
    return new InputDocument(
        name,
        DocumentKind.OTHER,
        () -> {
          throw new UnreadableException(reason);
        },
        List.of(Problem.error(name, "", reason)));
  }

  public boolean isUnreadable() {
    return !unreadableProblems.isEmpty();
  }
}
