package ssm.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line, {@code ssm <command> [options]}; the launcher {@code ./ssm} builds the jar and
 * runs this class.
 *
 * <p>Exit codes: 0 success, {@value #EXIT_FAILURE} failure, {@value #EXIT_USAGE} bad arguments or
 * settings. Errors are one {@code error: ...} line on stderr; {@code --verbose} adds the stack
 * trace (see {@link ErrorHandler}).
 *
 * <p>TensorFlow's native log level is read by the native library from the environment variable
 * {@value #TF_LOG_LEVEL_ENV} when it loads; a JVM cannot set its own environment, so the launcher
 * {@code ./ssm} exports {@value #TF_LOG_LEVEL_ENV}={@value #DEFAULT_TF_LOG_LEVEL} (errors only)
 * unless it is already set. Run with {@code TF_CPP_MIN_LOG_LEVEL=0 ./ssm ...} to see TensorFlow's
 * info and warnings.
 */
@Command(
    name = "ssm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Single-Shot Model (Ter-Sarkisov 2020): lesion masks and COVID-19 / CP / Normal",
      "classification of chest CT slices, in TensorFlow Java. 12 variants:",
      "{shared|frozen|scratch}-{r18|r34}-{2|3}; scratch-r18-3 is the default."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  TF_CPP_MIN_LOG_LEVEL  TensorFlow's native log level: ./ssm sets 2 (errors",
      "                        only) unless set; 0 shows everything.",
      "  TF_ENABLE_ONEDNN_OPTS oneDNN CPU kernels: ./ssm sets 1 unless set (about 3x",
      "                        faster training, 20%% faster inference).",
      "  TF_DETERMINISTIC_OPS  ./ssm sets 1 unless set: reproducible runs, exact resume",
      "                        (0 for training on a GPU, see docs/how-to/gpu.md).",
      "  SSM_JAVA_OPTS         JVM options for ./ssm, e.g. -Xmx8g.",
      "  SSM_MAVEN_OPTS        Maven options of ./ssm's build, e.g. -Pgpu (CUDA)."
    })
public final class Main implements Callable<Integer> {
  /** Exit code of a failed command. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of bad arguments or settings (picocli's own for usage errors). */
  public static final int EXIT_USAGE = 2;

  /** Environment variable of TensorFlow's native log level. */
  public static final String TF_LOG_LEVEL_ENV = "TF_CPP_MIN_LOG_LEVEL";

  /** The level the launcher exports unless set: 2 hides info and warnings, shows errors. */
  public static final String DEFAULT_TF_LOG_LEVEL = "2";

  static final String VERBOSE = "--verbose";

  @Option(
      names = VERBOSE,
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean verbose;

  /** {@code --device}: every command's sessions (docs/how-to/gpu.md); set before any session. */
  @Option(
      names = "--device",
      scope = ScopeType.INHERIT,
      paramLabel = "DEVICE",
      description = "cpu, gpu, gpu:N or auto (default: the GPU when TensorFlow sees one).")
  void device(String value) {
    try {
      ssm.device.Devices.select(ssm.device.DeviceChoice.parse(value));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Spec CommandSpec spec;

  /** Every subcommand, in the order of the help. The ONE place where commands are registered. */
  static List<Object> subcommands() {
    return List.of(
        new ConfigCommand(),
        new VariantsCommand(),
        new ParamsCommand(),
        new DataCommand(),
        new GridCommand(),
        new SweepCommand(),
        new TrainCommand(),
        new PredictCommand(),
        new ExportCommand(),
        new ConvertCommand(),
        new CocoEvalCommand(),
        new EvalCommand(),
        new TablesCommand(),
        new ResultsCommand(),
        new CompareCommand(),
        new RunsCommand(),
        new BenchCommand(),
        new DoctorCommand(),
        new ReferenceCommand());
  }

  /** The root command with its subcommands and error handling, ready to {@code execute}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    for (Object subcommand : subcommands()) {
      cl.addSubcommand(subcommand);
    }
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  /** No command given: a usage error that lists the commands. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command; try: ssm --help");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
