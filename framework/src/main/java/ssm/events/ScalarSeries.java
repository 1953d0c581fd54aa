package ssm.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * The scalar curves of one run folder, read back from its event files ({@code
 * events.out.tfevents.*}, as {@link EventFileWriter} writes them): tag -> points in step order. A
 * resumed run replays steps after its last checkpoint into a second file; the point written last
 * wins, as TensorBoard shows it.
 */
public final class ScalarSeries {
  /** One value of a tag. */
  public record Point(long step, double value) {}

  private final Map<String, List<Point>> series;

  private ScalarSeries(Map<String, List<Point>> series) {
    this.series = series;
  }

  /** The scalars of every event file directly in {@code runDir} (none: an empty series). */
  public static ScalarSeries read(Path runDir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(runDir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
              .sorted()
              .toList(); // names start with the unix seconds of the writer's start
    }
    Map<String, TreeMap<Long, Double>> byTag = new TreeMap<>();
    for (Path f : files) {
      for (Event e : EventFileReader.readAll(f)) {
        if (!e.hasSummary()) {
          continue;
        }
        for (Summary.Value v : e.getSummary().getValueList()) {
          if (v.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE) {
            byTag
                .computeIfAbsent(v.getTag(), t -> new TreeMap<>())
                .put(e.getStep(), (double) v.getSimpleValue());
          }
        }
      }
    }
    Map<String, List<Point>> series = new TreeMap<>();
    byTag.forEach(
        (tag, points) -> {
          List<Point> list = new ArrayList<>(points.size());
          points.forEach((step, value) -> list.add(new Point(step, value)));
          series.put(tag, List.copyOf(list));
        });
    return new ScalarSeries(series);
  }

  /** Tag -> points in step order, tags sorted. */
  public Map<String, List<Point>> all() {
    return series;
  }

  /** The points of {@code tag}, or an empty list. */
  public List<Point> of(String tag) {
    return series.getOrDefault(tag, List.of());
  }
}
