package ssm.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The run folders under a grid's or sweep's root that hold a given file ({@code metrics.json},
 * {@code slices.json}), one or two levels down (a grid, or several shards' folders), grouped by run
 * and seed ({@link SeedRuns}): {@code scratch-r18-3} and {@code scratch-r18-3-s2} are seeds 1 and 2
 * of {@code scratch-r18-3}. Runs keep the order of their folder names; where two folders give the
 * same run and seed, the first in that order is kept.
 */
public final class SeedGroups {
  private SeedGroups() {}

  /**
   * Run name to (seed index to folder), for the folders under {@code root} holding {@code file}.
   */
  public static Map<String, TreeMap<Integer, Path>> of(Path root, String file) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(root + " is not a folder");
    }
    List<Path> folders;
    try (Stream<Path> s =
        Files.find(
            root,
            3,
            (p, a) ->
                a.isRegularFile()
                    && p.getFileName().toString().equals(file)
                    && root.relativize(p).getNameCount() >= 2)) {
      folders = s.map(Path::getParent).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    Map<String, TreeMap<Integer, Path>> groups = new LinkedHashMap<>();
    for (Path folder : new ArrayList<>(folders)) {
      String name = folder.getFileName().toString();
      groups
          .computeIfAbsent(SeedRuns.run(name), k -> new TreeMap<>())
          .putIfAbsent(SeedRuns.index(name), folder);
    }
    return groups;
  }

  /** Whether any run has more than one seed. */
  public static boolean seeded(Map<String, TreeMap<Integer, Path>> groups) {
    return groups.values().stream().anyMatch(g -> g.size() > 1);
  }
}
