package ssm.testing;

import java.nio.file.Path;
import ssm.data.CovidxSplit;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationFolder;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.train.TrainingData;

/** The built-in generator's slices, written under a test's folder and read as training data. */
public final class SyntheticTrainingData {
  private SyntheticTrainingData() {}

  /** Generates into {@code dir} and reads its training splits (its test splits stay under dir). */
  public static TrainingData generate(
      Path dir, SyntheticCtGenerator.Options generator, ReaderOptions reader) {
    SyntheticCtGenerator.generate(dir, generator, (done, total) -> {});
    return new TrainingData(
        new SegmentationFolder(dir.resolve("seg/train"), reader),
        new CovidxSplit(dir.resolve("cls/train.txt"), dir.resolve("cls/images"), reader),
        "test");
  }
}
