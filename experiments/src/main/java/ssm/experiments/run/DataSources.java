package ssm.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationFolder;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.run.RunFolder;
import ssm.settings.DataSettings;
import ssm.settings.Settings;

/**
 * Where a run's data lives: the segmentation train/test folders and the classification
 * train/val/test split files, either the user's or the built-in synthetic dataset (generated under
 * {@code runs/data/} on first use and reused after).
 *
 * <p>Conventions for user data (docs/reference/data.md): {@code --seg-data DIR} holds {@code
 * train/}, {@code test/} and optionally {@code val/} (each with {@code images/} and {@code masks/};
 * the validation folder is evaluated after every checkpoint), or is itself one such folder (then
 * used for training only); {@code --cls-data FILE} is the training split file, and the validation
 * and test splits are the files beside it whose names have {@code val} or {@code test} in place of
 * {@code train}. Where the user's data has no validation split, {@link #withValidationSplit} cuts a
 * seeded one from the training data ({@link ValidationSplit}).
 */
public record DataSources(
    Path segTrain,
    Path segVal,
    Path segTest,
    Path clsTrain,
    Path clsVal,
    Path clsTest,
    String description) {

  /** The user's data where given, the built-in synthetic dataset otherwise. */
  public static DataSources resolve(Settings settings, Path segData, Path clsData, Path runsRoot) {
    Path synthetic = null;
    if (segData == null || clsData == null) {
      synthetic = ensureSynthetic(settings.data().synthetic(), runsRoot.resolve("data"));
    }
    Path segTrain;
    Path segVal = null;
    Path segTest;
    if (segData != null) {
      boolean split = Files.isDirectory(segData.resolve("train"));
      segTrain = split ? segData.resolve("train") : segData;
      segTest =
          split && Files.isDirectory(segData.resolve("test")) ? segData.resolve("test") : null;
      segVal = split && Files.isDirectory(segData.resolve("val")) ? segData.resolve("val") : null;
    } else {
      segTrain = synthetic.resolve("seg/train");
      segTest = synthetic.resolve("seg/test");
    }
    Path clsTrain = clsData != null ? clsData : synthetic.resolve("cls/train.txt");
    String description =
        synthetic == null
            ? "segmentation " + segData + ", classification " + clsData
            : "synthetic (built-in generator, "
                + settings.data().synthetic().folderName()
                + ")"
                + (segData != null ? ", segmentation " + segData : "")
                + (clsData != null ? ", classification " + clsData : "");
    return new DataSources(
        segTrain,
        segVal,
        segTest,
        clsTrain,
        sibling(clsTrain, "val"),
        sibling(clsTrain, "test"),
        description);
  }

  /**
   * These sources, with a seeded validation split cut from the user's training data where it has
   * none and no test split either (segmentation) or no validation split (classification); the split
   * is written under {@code runDir/split/} ({@link ValidationSplit}). Synthetic data always has its
   * own splits: sources with a generated part ({@link DataReferences#generated}) are returned
   * unchanged.
   */
  public DataSources withValidationSplit(Path runDir, long seed) {
    return withValidationSplit(runDir, seed, new HeldOutCollections(List.of()));
  }

  /**
   * As {@link #withValidationSplit(Path, long)}, with leave-one-collection-out validation ({@code
   * data.validation-collections}): a set whose training data holds any of the {@code heldOut}
   * collections validates on those collections' slices whole (its own validation split, if any, is
   * not used), synthetic data included; the other sets as without them.
   */
  public DataSources withValidationSplit(Path runDir, long seed, HeldOutCollections heldOut) {
    boolean segHolds = heldOut.any() && segTrain != null && holds(heldOut, segTrain, true);
    boolean clsHolds = heldOut.any() && clsTrain != null && holds(heldOut, clsTrain, false);
    if (heldOut.any() && !segHolds && !clsHolds) {
      // names the collections the data does hold
      ValidationSplit.checkHeldOut(heldOut, segTrain, clsTrain);
    }
    boolean cutSeg = segTrain != null && (segHolds || (segVal == null && segTest == null));
    boolean cutCls = clsTrain != null && (clsHolds || clsVal == null);
    boolean synthetic =
        (segTrain != null && DataReferences.generated(segTrain))
            || (clsTrain != null && DataReferences.generated(clsTrain));
    if ((synthetic && !heldOut.any()) || (!cutSeg && !cutCls)) {
      return this;
    }
    ValidationSplit split =
        ValidationSplit.write(
            new RunFolder(runDir).split(),
            cutSeg ? segTrain : null,
            cutCls ? clsTrain : null,
            ValidationSplit.FRACTION,
            seed,
            heldOut);
    return new DataSources(
        cutSeg ? split.segTrain() : segTrain,
        cutSeg ? split.segVal() : segVal,
        segTest,
        cutCls ? split.clsTrain() : clsTrain,
        cutCls ? split.clsVal() : clsVal,
        clsTest,
        description
            + (heldOut.any()
                ? "; validation on the collections " + String.join(", ", heldOut.names())
                : "")
            + "; validation split cut by seed "
            + seed
            + " ("
            + split.summary()
            + ", "
            + new RunFolder(runDir).split().resolve(ValidationSplit.RECORD)
            + ")");
  }

  private static boolean holds(HeldOutCollections heldOut, Path train, boolean segmentation) {
    return segmentation
        ? !heldOut.validation(SegmentationFolder.open(train)).isEmpty()
        : ValidationSplit.splitLines(train).stream().anyMatch(heldOut::heldOut);
  }

  /** The reader options the settings ask for: training, and the class at test time. */
  public static ReaderOptions readerOptions(Settings s) {
    return ReaderOptions.defaults()
        .withSize(s.model().input().minSize(), s.model().input().maxSize())
        .withMinLesionArea(s.data().minLesionArea())
        .withSkipBad(s.data().skipBad());
  }

  /**
   * The reader options of the segmentation slices at test time (validation, eval): resized to
   * {@code model.input.detection-test-min-size}.
   */
  public static ReaderOptions detectionTestReaderOptions(Settings s) {
    return readerOptions(s)
        .withSize(s.model().input().detectionMinSize(), s.model().input().detectionMaxSize());
  }

  private static Path sibling(Path trainSplit, String name) {
    String file = trainSplit.getFileName().toString();
    if (!file.contains("train")) {
      return null;
    }
    Path p = trainSplit.resolveSibling(file.replace("train", name));
    return Files.exists(p) ? p : null;
  }

  /**
   * The synthetic dataset of {@code options} under {@code dataRoot}, generated into a temporary
   * folder and renamed when complete, so that concurrent runs never read half a dataset.
   */
  public static Path ensureSynthetic(DataSettings.Synthetic options, Path dataRoot) {
    Path dir = dataRoot.resolve(options.folderName());
    if (Files.isDirectory(dir)) {
      return dir;
    }
    try {
      Files.createDirectories(dataRoot);
      Path tmp = Files.createTempDirectory(dataRoot, ".tmp-synthetic-");
      System.err.printf(
          "generating the synthetic dataset (%d segmentation + %d classification "
              + "slices of %dx%d, seed %d) into %s%n",
          options.seg(), options.cls(), options.size(), options.size(), options.seed(), dir);
      SyntheticCtGenerator.generate(
          tmp,
          new SyntheticCtGenerator.Options(
              options.seg(), options.cls(), options.size(), options.seed()),
          (done, total) -> {});
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isDirectory(dir)) { // another process finished first: use its copy
          throw e;
        }
        deleteRecursively(tmp);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic dataset under " + dataRoot, e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
