package org.tiptrace.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.system.UserAccount;

/** Serves the web app on an open backend until it shuts down; tests replace it. */
@FunctionalInterface
public interface WebLauncher {
  void serve(
      TiptraceBackend backend, List<UserAccount> extraUsers, int port, Optional<Path> configFile)
      throws Exception;
}
