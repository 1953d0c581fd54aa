package ssm.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of {@code provenance.json} (schema {@value #SCHEMA}) in a run folder or a grid's
 * folder: one record per command that wrote into the folder, oldest first (a resumed run adds one),
 * each with the commit, the exact command line, the CPU and the wall time. {@code ssm results}
 * quotes them in RESULTS.md (docs/reference/run-folder.md).
 *
 * @param schema {@value #SCHEMA}
 * @param records the commands, oldest first
 */
public record Provenance(
    @JsonProperty("schema") String schema, @JsonProperty("records") List<Record> records) {

  /** The schema id of this format. */
  public static final String SCHEMA = "ssm-provenance/1";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Provenance {
    records = records == null ? List.of() : List.copyOf(records);
  }

  /**
   * One command.
   *
   * @param commit the git commit of the checkout the jar was built from, or "unknown"
   * @param command the command line as typed, e.g. {@code ./ssm grid --profile demo}
   * @param cpu the CPU it ran on
   * @param java the Java version
   * @param tensorflowJava the TensorFlow Java release
   * @param started when it started (ISO-8601, UTC)
   * @param ended when it ended, or null while it runs (or when it was killed)
   * @param wallSeconds seconds from start to end, or null while it runs
   * @param exitCode the command's exit code, or null while it runs
   */
  public record Record(
      @JsonProperty("commit") String commit,
      @JsonProperty("command") String command,
      @JsonProperty("cpu") Cpu cpu,
      @JsonProperty("java") String java,
      @JsonProperty("tensorflow_java") String tensorflowJava,
      @JsonProperty("started") String started,
      @JsonProperty("ended") String ended,
      @JsonProperty("wall_seconds") Double wallSeconds,
      @JsonProperty("exit_code") Integer exitCode) {

    /** The same, ended at {@code ended} after {@code wallSeconds} with {@code exitCode}. */
    public Record finished(String ended, double wallSeconds, int exitCode) {
      return new Record(
          commit, command, cpu, java, tensorflowJava, started, ended, wallSeconds, exitCode);
    }
  }

  /**
   * The CPU a command ran on.
   *
   * @param model /proc/cpuinfo's "model name", else the architecture
   * @param arch {@code os.arch}
   * @param processors the processors Java sees
   * @param features AVX2, AVX-512F, ... -> present (empty where unknown, e.g. off Linux)
   */
  public record Cpu(
      @JsonProperty("model") String model,
      @JsonProperty("arch") String arch,
      @JsonProperty("processors") int processors,
      @JsonProperty("features") Map<String, Boolean> features) {
    public Cpu {
      features =
          features == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
    }

    /** The vector features present, e.g. "AVX2, AVX-512F", or "" when none is known. */
    public String present() {
      return String.join(
          ", ",
          features.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
    }
  }

  /** The newest record, if any. */
  public Optional<Record> last() {
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  /** The records with {@code r} added at the end. */
  public Provenance with(Record r) {
    List<Record> all = new ArrayList<>(records);
    all.add(r);
    return new Provenance(SCHEMA, all);
  }

  /** The records with the newest replaced by {@code r} (a command that ends). */
  public Provenance withLast(Record r) {
    List<Record> all = new ArrayList<>(records);
    if (all.isEmpty()) {
      all.add(r);
    } else {
      all.set(all.size() - 1, r);
    }
    return new Provenance(SCHEMA, all);
  }

  /** The file's records, or none when there is no file. */
  public static Provenance read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Provenance(SCHEMA, List.of());
    }
    Provenance p = JSON.readValue(file.toFile(), Provenance.class);
    if (!SCHEMA.equals(p.schema())) {
      throw new IllegalArgumentException(
          file
              + ": unknown provenance schema '"
              + p.schema()
              + "' (this version reads "
              + SCHEMA
              + ")");
    }
    return p;
  }

  /** Writes the records indented, creating parent folders. */
  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The commit checked out in the git repository at or above {@code start}, read from {@code .git}
   * without running git (a worktree's {@code .git} file, a branch's ref file or packed-refs), or
   * "unknown".
   */
  public static String gitCommit(Path start) {
    try {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path git = dir.resolve(".git");
        if (Files.isDirectory(git)) {
          return commitIn(git, git);
        }
        if (Files.isRegularFile(git)) {
          String line = Files.readString(git).trim();
          if (!line.startsWith("gitdir:")) {
            return "unknown";
          }
          Path gitDir = dir.resolve(line.substring("gitdir:".length()).trim()).normalize();
          Path common = gitDir;
          Path commondir = gitDir.resolve("commondir");
          if (Files.isRegularFile(commondir)) {
            common = gitDir.resolve(Files.readString(commondir).trim()).normalize();
          }
          return commitIn(gitDir, common);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static String commitIn(Path gitDir, Path common) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD")).trim();
    if (!head.startsWith("ref:")) {
      return head.matches("[0-9a-f]{40}") ? head : "unknown";
    }
    String ref = head.substring("ref:".length()).trim();
    for (Path base : List.of(gitDir, common)) {
      Path file = base.resolve(ref);
      if (Files.isRegularFile(file)) {
        return Files.readString(file).trim();
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed)) {
        if (line.endsWith(" " + ref)) {
          return line.substring(0, line.indexOf(' '));
        }
      }
    }
    return "unknown";
  }
}
