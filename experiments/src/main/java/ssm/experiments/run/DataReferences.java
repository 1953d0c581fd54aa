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
    Optional<Path> root = generatorRoot(abs);
    if (root.isPresent()) {
      SyntheticDescriptor d = SyntheticDescriptor.read(root.get()).orElseThrow();
      String path = root.get().relativize(abs).toString();
      return new DataReference(
          DataReference.Kind.SYNTHETIC,
          synthetic(d, List.of(path), root.get()),
          relativeWherePossible(root.get()),
          path,
          d.seed(),
          d.size(),
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
      Optional<Path> root = generatorRoot(p);
      if (root.isPresent()) {
        SyntheticDescriptor d = SyntheticDescriptor.read(root.get()).orElseThrow();
        List<String> parts = given.stream().map(g -> root.get().relativize(g).toString()).toList();
        return synthetic(d, parts, root.get());
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

  private static String synthetic(SyntheticDescriptor d, List<String> parts, Path root) {
    return String.format(
        "synthetic (built-in generator, seed %d, %d px): %s of %s",
        d.seed(), d.size(), String.join(" + ", parts), root);
  }

  /** Whether {@code data} (a part's folder or split file) lies in a generated data set. */
  public static boolean generated(Path data) {
    return generatorRoot(data.toAbsolutePath().normalize()).isPresent();
  }

  /** The generated data set {@code data} lies in ({@code ROOT/<seg|cls>/<split>}), if any. */
  private static Optional<Path> generatorRoot(Path data) {
    Path parent = data.getParent();
    Path root = parent == null ? null : parent.getParent();
    if (root == null) {
      return Optional.empty();
    }
    return SyntheticDescriptor.read(root).isPresent() ? Optional.of(root) : Optional.empty();
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
