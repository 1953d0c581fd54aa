package ssm.experiments.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Model.CommandSpec;
import ssm.experiments.device.CpuFeatures;
import ssm.experiments.run.GridRunner;
import ssm.run.Provenance;
import ssm.run.RunFolder;

/**
 * The provenance record of the running command ({@link Provenance}): captured when the command
 * starts, added to {@code provenance.json} of each folder it writes into, and completed there when
 * it ends.
 */
final class RunProvenance {
  private final Provenance.Record started;
  private final long startNanos = System.nanoTime();
  private final List<Path> folders = new ArrayList<>();

  private RunProvenance(Provenance.Record started) {
    this.started = started;
  }

  /** The record of the command {@code spec} belongs to, as it starts; writes nothing. */
  static RunProvenance begin(CommandSpec spec) {
    return new RunProvenance(record(commandLine(spec)));
  }

  /**
   * A listener that gives each run folder of a grid its own record of this command, from the moment
   * the run starts there to its end.
   */
  GridRunner.JobListener perRun() {
    Map<Path, RunProvenance> open = new ConcurrentHashMap<>();
    return new GridRunner.JobListener() {
      @Override
      public void started(Path dir) {
        open.put(dir, new RunProvenance(record(started.command())).into(dir));
      }

      @Override
      public void ended(Path dir, int exitCode) {
        RunProvenance p = open.remove(dir);
        if (p != null) {
          p.finish(exitCode);
        }
      }
    };
  }

  /** Adds the started record to {@code folder}'s provenance.json. */
  RunProvenance into(Path folder) {
    Path file = new RunFolder(folder).provenance();
    try {
      Provenance.read(file).with(started).write(file);
      folders.add(file);
    } catch (Exception e) {
      System.err.println("warning: " + file + " not written: " + e.getMessage());
    }
    return this;
  }

  /** Completes the record in every folder it was added to. */
  void finish(int exitCode) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Provenance.Record done =
        started.finished(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            Math.round(seconds * 10) / 10.0,
            exitCode);
    for (Path file : folders) {
      try {
        Provenance p = Provenance.read(file);
        List<Provenance.Record> records = new ArrayList<>(p.records());
        int i = records.lastIndexOf(started);
        if (i >= 0) {
          records.set(i, done);
        } else {
          records.add(done);
        }
        new Provenance(Provenance.SCHEMA, records).write(file);
      } catch (Exception e) {
        System.err.println("warning: " + file + " not completed: " + e.getMessage());
      }
    }
  }

  /** The command line as typed at a shell: {@code ./ssm} and the arguments, quoted where needed. */
  static String commandLine(CommandSpec spec) {
    var parsed = spec.root().commandLine().getParseResult();
    List<String> args = parsed == null ? List.of() : parsed.originalArgs();
    StringBuilder b = new StringBuilder("./ssm");
    for (String a : args) {
      b.append(' ').append(quoted(a));
    }
    return b.toString();
  }

  static String quoted(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=,+@%-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** The record of {@code command} on this machine, starting now. */
  static Provenance.Record record(String command) {
    String cpuinfo = CpuFeatures.read();
    String arch = System.getProperty("os.arch");
    String model = CpuFeatures.model(cpuinfo);
    Provenance.Cpu cpu =
        new Provenance.Cpu(
            model.equals("unknown") ? arch : model,
            arch,
            Runtime.getRuntime().availableProcessors(),
            CpuFeatures.of(cpuinfo));
    return new Provenance.Record(
        Provenance.gitCommit(codeFolder()),
        command,
        cpu,
        System.getProperty("java.version"),
        VersionProvider.TENSORFLOW_JAVA,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        null,
        null,
        null);
  }

  /**
   * The folder of the jar (or classes) this code runs from: inside the checkout it was built in.
   */
  private static Path codeFolder() {
    try {
      return Path.of(
          RunProvenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
