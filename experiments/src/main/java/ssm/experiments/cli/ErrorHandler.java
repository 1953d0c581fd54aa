package ssm.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import ssm.data.DataException;
import ssm.run.ExistingRunException;
import ssm.settings.SettingsException;
import ssm.train.hooks.NanGuard;

/**
 * Turns what a command throws into an exit code and a message on stderr:
 *
 * <ul>
 *   <li>{@link SettingsException}: one {@code error: ...} line per problem, exit {@value
 *       Main#EXIT_USAGE} (as picocli does for bad arguments);
 *   <li>{@link ExistingRunException} (a fresh run over another run's folder): its line, exit
 *       {@value Main#EXIT_USAGE};
 *   <li>{@link IllegalArgumentException}, {@link IOException}, {@link UncheckedIOException}, {@link
 *       DataException}, a non-finite loss (a bad input: a file, an image, a shape), also when
 *       wrapped in another exception: one {@code error: ...} line, exit {@value Main#EXIT_FAILURE};
 *   <li>anything else is a bug: the stack trace, exit {@value Main#EXIT_FAILURE}.
 * </ul>
 *
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
    } else if (ex instanceof ExistingRunException existing) {
      err.println("error: " + existing.getMessage());
      code = Main.EXIT_USAGE;
    } else if (named(ex) != null) {
      Throwable named = named(ex);
      err.println("error: " + (named.getMessage() == null ? named.toString() : named.getMessage()));
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

  /**
   * The bad-input exception in {@code ex}'s cause chain (a data item, a file, an argument, a
   * non-finite loss; e.g. a corrupt slice found by the prefetcher arrives wrapped), or null.
   */
  private static Throwable named(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalArgumentException
          || t instanceof IOException
          || t instanceof UncheckedIOException
          || t instanceof DataException
          || t instanceof NanGuard.NonFiniteLossException) {
        return t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
      }
    }
    return null;
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
