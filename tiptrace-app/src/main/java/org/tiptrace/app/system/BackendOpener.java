package org.tiptrace.app.system;

/**
 * Opens a {@link TiptraceBackend}. Production uses {@link TiptraceBackend#open}; tests pass an
 * opener that returns in-memory storage.
 */
@FunctionalInterface
public interface BackendOpener {
  TiptraceBackend open(DatabaseSettings settings);
}
