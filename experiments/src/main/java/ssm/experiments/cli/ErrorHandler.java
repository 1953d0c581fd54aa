package ssm.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import ssm.settings.SettingsException;

/**
 * Turns what a command throws into an exit code and a message on stderr:
 * <ul>
 *   <li>{@link SettingsException}: one {@code error: ...} line per problem, exit {@value
 *       Main#EXIT_USAGE} (as picocli does for bad arguments);
 *   <li>{@link IllegalArgumentException}, {@link IOException}, {@link UncheckedIOException} (a
 *       bad input: a file, an image, a shape): one {@code error: ...} line, exit {@value
 *       Main#EXIT_FAILURE};
 *   <li>anything else is a bug: the stack trace, exit {@value Main#EXIT_FAILURE}.
 * </ul>
 * With {@code --verbose} (anywhere on the command line) the stack trace is printed first in every
 * case.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (verbose(parsed)) {
      ex.printStackTrace(err);
    }
    int code;
    if (ex instanceof SettingsException settings) {
      settings.problems().forEach(p -> err.println("error: " + p));
      code = Main.EXIT_USAGE;
    } else if (ex instanceof IllegalArgumentException || ex instanceof IOException
        || ex instanceof UncheckedIOException) {
      err.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      code = Main.EXIT_FAILURE;
    } else {
      if (!verbose(parsed)) {
        ex.printStackTrace(err);
      }
      code = Main.EXIT_FAILURE;
    }
    err.flush();
    return code;
  }

  /** Whether {@code --verbose} was given to the root command or any subcommand. */
  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(Main.VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
