package ssm.data.synthetic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable description of a data set the generator wrote, {@value #FILE} beside its
 * README.txt: {@code {"kind": "synthetic", "generator": "ssm data synth", "seed", "size", "seg",
 * "cls"}}. It is how evaluation knows data is synthetic, and with which seed and size.
 *
 * @param kind always {@value #KIND}
 * @param seg segmentation slices generated
 * @param cls classification slices generated
 */
public record SyntheticDescriptor(
    String kind, String generator, long seed, int size, int seg, int cls) {

  /** The descriptor's file name in the data set's root folder. */
  public static final String FILE = "dataset.json";

  static final String KIND = "synthetic";
  static final String GENERATOR = "ssm data synth";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // a later generator may describe more: what this one knows still reads
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The first line of README.txt as generators before {@value #FILE} wrote it (and still do); read
   * only when a data set has no descriptor.
   */
  private static final Pattern LEGACY_README =
      Pattern.compile(
          "^Synthetic chest-CT dataset \\(ssm data synth\\): "
              + "seg (\\d+), cls (\\d+), size (\\d+), seed (-?\\d+)\\.");

  public SyntheticDescriptor {
    if (!KIND.equals(kind)) {
      throw new IllegalArgumentException("kind '" + kind + "' is not " + KIND);
    }
  }

  /** The descriptor of a data set generated with {@code o}. */
  public static SyntheticDescriptor of(SyntheticCtGenerator.Options o) {
    return new SyntheticDescriptor(KIND, GENERATOR, o.seed(), o.size(), o.seg(), o.cls());
  }

  /** Writes {@code root/}{@value #FILE}. */
  public void write(Path root) {
    try {
      Files.createDirectories(root);
      JSON.writeValue(root.resolve(FILE).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + root.resolve(FILE), e);
    }
  }

  /**
   * The descriptor of the data set rooted at {@code root}, empty when the generator did not write
   * it. A data set from a generator without descriptors is recognised by the first line of its
   * README.txt, the one place that text is read.
   *
   * @throws IllegalArgumentException when {@value #FILE} exists but is not a descriptor
   */
  public static Optional<SyntheticDescriptor> read(Path root) {
    Path file = root.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try {
        return Optional.of(JSON.readValue(file.toFile(), SyntheticDescriptor.class));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            file + ": not a synthetic data set descriptor (" + e.getMessage() + ")", e);
      }
    }
    return legacy(root.resolve("README.txt"));
  }

  private static Optional<SyntheticDescriptor> legacy(Path readme) {
    if (!Files.isRegularFile(readme)) {
      return Optional.empty();
    }
    try {
      Matcher m = LEGACY_README.matcher(Files.readString(readme, StandardCharsets.UTF_8));
      return m.find()
          ? Optional.of(
              new SyntheticDescriptor(
                  KIND,
                  GENERATOR,
                  Long.parseLong(m.group(4)),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2))))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + readme, e);
    }
  }
}
