package ssm.events;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.Summary;

/**
 * Writes one TensorBoard event file, {@code events.out.tfevents.<unix seconds>.<host><suffix>}, in
 * a run directory: the {@code file_version} event first, then one {@link Event} per call. Callers
 * only build and queue the event (microseconds); a background thread frames and writes records and
 * flushes every {@code flushPeriod} (2 s by default), on {@link #flush()} and on {@link #close()}.
 * A crash loses at most the last period's events; earlier records are never rewritten. A JVM
 * shutdown hook closes a writer left open (e.g. on Ctrl-C). Thread-safe.
 *
 * <p>A training hook needs one call per item: {@code scalar(tag, step, value)} after a step, {@code
 * hparams(values, metricTags)} and {@code graph(graphDef)} once at the start, {@code
 * hparamsEnd(SUCCESS)} and {@code close()} at the end.
 */
public final class EventFileWriter implements AutoCloseable {
  /** The version string TensorBoard expects in the first event. */
  public static final String FILE_VERSION = "brain.Event:2";

  /** The default flush period. */
  public static final Duration DEFAULT_FLUSH_PERIOD = Duration.ofSeconds(2);

  private final Path file;
  private final AsyncRecordWriter records;
  private final Thread shutdownHook;

  /** A writer in {@code runDir} (created if missing), flushing every 2 s. */
  public EventFileWriter(Path runDir) throws IOException {
    this(runDir, "", DEFAULT_FLUSH_PERIOD);
  }

  /**
   * A writer in {@code runDir} (created if missing) whose file name ends with {@code suffix} (e.g.
   * {@code ".eval"}; may be empty), flushing every {@code flushPeriod}.
   */
  public EventFileWriter(Path runDir, String suffix, Duration flushPeriod) throws IOException {
    Files.createDirectories(runDir);
    this.file = newFile(runDir, suffix);
    this.records = new AsyncRecordWriter(file, flushPeriod);
    write(Event.newBuilder().setWallTime(now()).setFileVersion(FILE_VERSION).build());
    this.shutdownHook = new Thread(records::close, "event-writer shutdown " + file.getFileName());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The event file being written. */
  public Path file() {
    return file;
  }

  /** Logs {@code value} under {@code tag} at {@code step} (Scalars dashboard). */
  public void scalar(String tag, long step, double value) {
    summary(step, Summaries.scalar(tag, (float) value));
  }

  /** Logs several scalars of one step in one event (one record). */
  public void scalars(long step, Map<String, ? extends Number> values) {
    Summary.Builder s = Summary.newBuilder();
    values.forEach((tag, v) -> s.addValue(Summaries.scalar(tag, v.floatValue())));
    summary(step, s.build());
  }

  /** Logs markdown {@code text} under {@code tag} (Text dashboard). */
  public void text(String tag, long step, String text) {
    summary(step, Summaries.text(tag, text));
  }

  /** Logs an encoded image, normally PNG, of {@code height x width} pixels (Images dashboard). */
  public void image(String tag, long step, byte[] png, int height, int width) {
    summary(step, Summaries.image(tag, png, height, width));
  }

  /** Logs the histogram of {@code values} (Histograms and Distributions dashboards). */
  public void histogram(String tag, long step, float[] values) {
    summary(step, Summaries.histogram(tag, values));
  }

  /** Logs the model graph (Graphs dashboard); once per run is enough. */
  public void graph(GraphDef graph) {
    write(Event.newBuilder().setWallTime(now()).setGraphDef(graph.toByteString()).build());
  }

  /**
   * Makes this run a session of the HParams dashboard: writes the experiment (one column per key of
   * {@code values}, typed by its value, and one per tag of {@code metricTags}) and the session
   * start with {@code values}. Pair it with {@link #hparamsEnd} when training ends.
   */
  public void hparams(Map<String, ?> values, List<String> metricTags) {
    List<HParam> columns = new ArrayList<>();
    values.forEach((name, value) -> columns.add(HParam.of(name, value)));
    double t = now();
    summary(0, HParamsSummaries.experiment(columns, metricTags, "", t));
    summary(0, HParamsSummaries.sessionStart(values, "", t));
  }

  /** Writes the session end with {@code status} ({@code SUCCESS}, or {@code FAILURE} on error). */
  public void hparamsEnd(SessionStatus status) {
    summary(0, HParamsSummaries.sessionEnd(status, now()));
  }

  /** Logs one summary value at {@code step}. */
  public void summary(long step, Summary.Value value) {
    summary(step, Summary.newBuilder().addValue(value).build());
  }

  /** Logs {@code summary} at {@code step}. */
  public void summary(long step, Summary summary) {
    write(Event.newBuilder().setWallTime(now()).setStep(step).setSummary(summary).build());
  }

  /** Writes any event as it is. */
  public void write(Event event) {
    records.write(event.toByteArray());
  }

  /** Returns once every event logged so far is in the file. */
  public void flush() {
    records.flush();
  }

  /** Writes what is pending, forces the file to disk and closes it; idempotent. */
  @Override
  public void close() {
    records.close();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to; nothing to undo
    }
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  private static Path newFile(Path dir, String suffix) throws IOException {
    long seconds = System.currentTimeMillis() / 1000;
    String stem = String.format("events.out.tfevents.%010d.%s", seconds, HostName.VALUE);
    for (int i = 0; ; i++) {
      Path p = dir.resolve(stem + (i == 0 ? "" : "." + i) + suffix);
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException taken) {
        // another writer started in the same second: try the next name
      }
    }
  }

  /** This machine's host name, looked up once; characters unsafe in file names are replaced. */
  private static final class HostName {
    static final String VALUE = lookUp();

    private static String lookUp() {
      String name;
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        name = System.getenv().getOrDefault("HOSTNAME", "localhost");
      }
      return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
  }
}
