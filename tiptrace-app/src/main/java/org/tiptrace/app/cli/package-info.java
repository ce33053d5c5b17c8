/**
 * The command line: {@code ingest}, {@code tips list|show}, {@code serve}, {@code demo}. The only
 * place that writes to the console or chooses an exit code ({@link
 * org.tiptrace.app.cli.ExitCodes}). Everything it needs from outside comes in through {@link
 * org.tiptrace.app.cli.CliEnvironment}, so tests run the real commands against in-memory
 * repositories.
 */
@NullMarked
package org.tiptrace.app.cli;

import org.jspecify.annotations.NullMarked;
