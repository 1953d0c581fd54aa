package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import ssm.experiments.run.DataCheck;
import ssm.experiments.run.DataSources;
import ssm.experiments.run.HeldOutCollections;
import ssm.settings.Settings;

/**
 * The data options of the commands that train ({@code train}, {@code grid}, {@code sweep}): the
 * real data sets, or the built-in synthetic one generated under {@code --runs}.
 */
public final class DataOptions {
  @Option(
      names = "--seg-data",
      paramLabel = "DIR",
      description =
          "Segmentation data: DIR/{train[,test][,val]}/{images|imgs,masks}, or one "
              + "such folder; without val and test, a seeded validation split is cut and recorded in "
              + "the run folder's split/split.json (default: the built-in synthetic data).")
  Path segData;

  @Option(
      names = "--cls-data",
      paramLabel = "SPLIT",
      description =
          "Classification training split file, COVIDx-CT format; val/test splits are "
              + "the files beside it named with val/test; without a val file a seeded, stratified "
              + "validation split is cut (default: the built-in synthetic data).")
  Path clsData;

  @Option(
      names = "--runs",
      paramLabel = "DIR",
      defaultValue = "runs",
      description = "Root of the run folders and of the generated synthetic data (default: runs).")
  Path runsRoot;

  /** The data of a run with {@code settings}. */
  public DataSources sources(Settings settings) {
    return DataSources.resolve(settings, segData, clsData, runsRoot);
  }

  /**
   * The data of a run with {@code settings}, checked ({@link DataCheck}: layout, readers, first
   * slice of each set; one line per set on {@code err}) before anything trains.
   */
  public DataSources checkedSources(Settings settings, PrintWriter err) {
    DataCheck.checkPaths(segData, clsData);
    DataSources sources = sources(settings);
    DataCheck.check(sources, settings, err);
    return sources;
  }

  /**
   * The checked data of a training run (or of every run of a grid) in {@code runDir}, with a seeded
   * validation split cut and recorded there where the data has none ({@link
   * DataSources#withValidationSplit}).
   */
  public DataSources trainingSources(Settings settings, PrintWriter err, Path runDir) {
    return checkedSources(settings, err)
        .withValidationSplit(
            runDir,
            settings.data().validationSeed(),
            new HeldOutCollections(settings.data().validationCollections()));
  }

  /** Whether both real data sets were given. */
  public boolean realData() {
    return segData != null && clsData != null;
  }

  public Path runsRoot() {
    return runsRoot;
  }
}
