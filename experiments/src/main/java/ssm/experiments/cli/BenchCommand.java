package ssm.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.experiments.bench.Benchmark;
import ssm.settings.Settings;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm bench}: inference seconds per slice, one training iteration, data-loading throughput
 * and peak memory of a variant on synthetic slices (see {@link Benchmark}). Timings on a shared
 * machine are noisy: the load average is printed with them.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time inference (per slice), one training iteration (segmentation + "
          + "classification step), data loading, and peak memory, on synthetic slices.",
      "Weights are the initialisers'; timings are medians after warm-up."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--size",
      defaultValue = "512",
      paramLabel = "PX",
      description = "Side of the square synthetic slices (default ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--iters",
      defaultValue = "20",
      paramLabel = "N",
      description = "Timed repetitions of each measurement (default ${DEFAULT-VALUE}).")
  int iters;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      paramLabel = "W",
      description = "Untimed repetitions first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--only",
      paramLabel = "PART",
      split = ",",
      description = "Only these: inference, training, data (comma-separated; default all).")
  java.util.List<String> only;

  @Option(
      names = "--trace",
      description =
          "Also trace 3 runs of each (FULL_TRACE) and print the time per op type and "
              + "name scope.")
  boolean trace;

  @Option(names = "--json", description = "One JSON object on stdout instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    EnumSet<Benchmark.Part> parts = EnumSet.noneOf(Benchmark.Part.class);
    for (String p : only == null ? java.util.List.<String>of() : only) {
      try {
        parts.add(Benchmark.Part.valueOf(p.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--only " + p + ": expected inference, training or data");
      }
    }
    if (parts.isEmpty()) {
      parts = EnumSet.allOf(Benchmark.Part.class);
    }
    Settings settings = settingsOptions.settings();
    PrintWriter err = spec.commandLine().getErr();
    Benchmark bench =
        new Benchmark(
            ModelWiring.model(settingsOptions.variant(), settings),
            settings.training(),
            new Benchmark.Options(size, iters, warmup, parts, trace),
            m -> {
              err.println(m);
              err.flush();
            });
    Map<String, Object> results = bench.run();
    results.put("variant", settings.variant());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(results));
    } else {
      out.print(Benchmark.table(settings.variant(), results));
      bench.profiles().forEach((k, p) -> out.print("\n" + p.markdown(k, 20)));
    }
    out.flush();
    return 0;
  }
}
