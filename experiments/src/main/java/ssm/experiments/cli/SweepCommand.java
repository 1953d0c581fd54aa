package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.experiments.run.DataSources;
import ssm.experiments.run.GridRunner;
import ssm.settings.Variant;
import ssm.util.Check;

/**
 * {@code ssm sweep}: the cartesian product of any settings, each combination trained and evaluated
 * as its own run (its keys logged for TensorBoard's HParams dashboard), then a table of the metrics
 * per combination. Like the grid, it skips finished runs and resumes others.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Train and evaluate one variant over the cartesian product of settings, e.g. "
            + "--sweep training.learning-rate=1e-5,1e-4 --sweep training.update-rule=s-only,s-bn")
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--sweep",
      required = true,
      paramLabel = "KEY=V1,V2,...",
      description = "A setting and its values; repeatable (the product of all is run).")
  List<String> sweeps;

  @Mixin DataOptions dataOptions;

  @Override
  public Integer call() throws Exception {
    settingsOptions.defaultProfile("demo");
    Variant variant = settingsOptions.variant();
    List<Map<String, String>> combinations = product(sweeps);
    List<GridRunner.Job> jobs = new ArrayList<>();
    for (Map<String, String> c : combinations) {
      List<String> overrides = new ArrayList<>();
      c.forEach((k, v) -> overrides.add(k + "=" + v));
      Map<String, Object> hparams = new LinkedHashMap<>(c);
      jobs.add(
          new GridRunner.Job(
              label(c), variant, settingsOptions.settingsFor(variant, overrides), hparams));
    }
    PrintWriter err = spec.commandLine().getErr();
    Path root =
        dataOptions.runsRoot().resolve("sweep-" + variant.name() + "-" + settingsOptions.profile());
    DataSources data = dataOptions.trainingSources(jobs.get(0).settings(), err, root);
    err.printf(
        "sweep of %s: %d combination(s) into %s; data: %s%n",
        variant.name(), jobs.size(), root, data.description());
    List<GridRunner.Outcome> outcomes = new GridRunner(root, null, data, err).run(jobs);
    PrintWriter out = spec.commandLine().getOut();
    out.println("| combination | status | seconds | result |");
    out.println("|---|---|---:|---|");
    outcomes.forEach(
        o ->
            out.printf(
                "| %s | %s | %.0f | %s |%n", o.job().name(), o.status(), o.seconds(), o.detail()));
    out.flush();
    return outcomes.stream().anyMatch(o -> o.status().equals("FAILED")) ? 1 : 0;
  }

  /** Every combination of the values of {@code sweeps} ({@code key=v1,v2}), first key slowest. */
  static List<Map<String, String>> product(List<String> sweeps) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (String sweep : sweeps) {
      int eq = sweep.indexOf('=');
      Check.that(
          eq > 0 && eq < sweep.length() - 1,
          "--sweep %s: expected KEY=V1,V2,... e.g. training.learning-rate=1e-5,1e-4",
          sweep);
      String key = sweep.substring(0, eq).trim();
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String value : sweep.substring(eq + 1).split(",")) {
          Map<String, String> c = new LinkedHashMap<>(partial);
          c.put(key, value.trim());
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }

  /** A folder name for a combination: {@code training.learning-rate=1e-4,training.epochs=2}. */
  static String label(Map<String, String> combination) {
    List<String> parts = new ArrayList<>();
    combination.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts).replaceAll("[^A-Za-z0-9._=,+-]", "_");
  }
}
