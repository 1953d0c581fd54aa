package ssm.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ssm.data.synthetic.SyntheticDescriptor;
import ssm.report.DataReference;

/**
 * The typed reference to the data a part was evaluated on: synthetic when the part's folder or
 * split file lies in a data set the generator wrote ({@code ROOT/seg/test}, {@code
 * ROOT/cls/test.txt} with {@code ROOT/dataset.json}; {@link SyntheticDescriptor}), else real.
 */
public final class DataReferences {
  private DataReferences() {}

  /**
   * The reference of one part.
   *
   * @param part {@code segmentation} or {@code classification}
   * @param data the part's folder or split file
   */
  public static DataReference of(String part, Path data) {
    Path abs = data.toAbsolutePath().normalize();
    Optional<Generated> generated = dataSetOf(abs);
    if (generated.isPresent()) {
      Generated g = generated.get();
      String path = g.root().relativize(abs).toString();
      return new DataReference(
          DataReference.Kind.SYNTHETIC,
          synthetic(g, List.of(path)),
          relativeWherePossible(g.root()),
          path,
          g.descriptor().seed(),
          g.descriptor().size(),
          null);
    }
    return new DataReference(
        DataReference.Kind.REAL,
        part + " " + abs,
        null,
        relativeWherePossible(abs),
        null,
        null,
        null);
  }

  /**
   * Both parts as one caption: {@code synthetic (built-in generator, seed 1, 512 px): seg/test +
   * cls/test.txt of ROOT} when the first part found lies in a generated data set, else each part
   * with its absolute path.
   */
  public static String describe(Path seg, Path cls) {
    List<Path> given = new ArrayList<>();
    for (Path p : new Path[] {seg, cls}) {
      if (p != null) {
        given.add(p.toAbsolutePath().normalize());
      }
    }
    for (Path p : given) {
      Optional<Generated> generated = dataSetOf(p);
      if (generated.isPresent()) {
        Path root = generated.get().root();
        List<String> parts = given.stream().map(g -> root.relativize(g).toString()).toList();
        return synthetic(generated.get(), parts);
      }
    }
    List<String> parts = new ArrayList<>();
    if (seg != null) {
      parts.add("segmentation " + seg.toAbsolutePath().normalize());
    }
    if (cls != null) {
      parts.add("classification " + cls.toAbsolutePath().normalize());
    }
    return String.join("; ", parts);
  }

  private static String synthetic(Generated g, List<String> parts) {
    return String.format(
        "synthetic (built-in generator, seed %d, %d px): %s of %s",
        g.descriptor().seed(), g.descriptor().size(), String.join(" + ", parts), g.root());
  }

  /** Whether {@code data} (a part's folder or split file) lies in a generated data set. */
  public static boolean generated(Path data) {
    return dataSetOf(data.toAbsolutePath().normalize()).isPresent();
  }

  /** A generated data set: its root folder and its descriptor. */
  private record Generated(Path root, SyntheticDescriptor descriptor) {}

  /** The generated data set an absolute {@code data} lies in ({@code ROOT/<seg|cls>/<split>}). */
  private static Optional<Generated> dataSetOf(Path data) {
    Path parent = data.getParent();
    Path root = parent == null ? null : parent.getParent();
    if (root == null) {
      return Optional.empty();
    }
    return SyntheticDescriptor.read(root).map(d -> new Generated(root, d));
  }

  /** {@code p} relative to the working folder when below it, else absolute. */
  static String relativeWherePossible(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    return abs.startsWith(here) && !abs.equals(here)
        ? here.relativize(abs).toString()
        : abs.toString();
  }
}
