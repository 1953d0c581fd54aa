package ssm.experiments.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import ssm.experiments.tables.PaperTables;
import ssm.report.Ci95;
import ssm.report.ClassificationReport;
import ssm.report.CocoFigures;
import ssm.report.MetricsReport;
import ssm.report.PaperApFigures;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.settings.Variant;

/**
 * Runs a grid or a sweep: each job of this shard trained (resuming an interrupted run), evaluated
 * on the test splits and written to {@code <root>/<variant>/}; finished variants are skipped, a
 * variant another process holds is left to it, and a failure is reported without stopping the
 * others. Stage I is trained once per backbone and depth ({@code <root>/stage1-r18-3/}) and reused
 * by every shared and frozen variant of that architecture; with several seeds ({@link SeedRuns}),
 * once per seed ({@code <root>/stage1-r18-3-s2/}), and seed k of a shared or frozen variant starts
 * from the Stage I of seed k.
 */
public final class GridRunner {
  private final Path root;
  private final BiFunction<Variant, Integer, Settings> stageOneSettings;
  private final DataSources data;
  private final PrintWriter err;

  /**
   * @param stageOneSettings the settings of a Stage I-only run of a variant for a seed index (1 for
   *     the configured seed, {@link SeedRuns#overrides}), or null to train Stage I inside each run
   *     (sweeps, whose keys may change Stage I)
   */
  public GridRunner(
      Path root,
      BiFunction<Variant, Integer, Settings> stageOneSettings,
      DataSources data,
      PrintWriter err) {
    this.root = root;
    this.stageOneSettings = stageOneSettings;
    this.data = data;
    this.err = err;
  }

  /**
   * One run of a grid or sweep.
   *
   * @param name its folder under the root (the variant's name in a grid)
   * @param hparams extra hyperparameters to log (a sweep's keys)
   * @param seed the seed index (1 for the configured {@code training.seed}, {@link SeedRuns}); the
   *     settings already hold its seed, and a Stage I it needs is that seed's
   */
  public record Job(
      String name, Variant variant, Settings settings, Map<String, Object> hparams, int seed) {
    /** The job of seed 1. */
    public Job(String name, Variant variant, Settings settings, Map<String, Object> hparams) {
      this(name, variant, settings, hparams, 1);
    }
  }

  /** How one job ended. */
  public record Outcome(Job job, String status, double seconds, String detail) {}

  /** Told when a job starts working in its folder and when it ends there (provenance.json). */
  public interface JobListener {
    /** The job holds its folder's lock and starts training. */
    void started(Path dir);

    /** The job that {@link #started} ended: exit code 0 when it finished, 1 when it failed. */
    void ended(Path dir, int exitCode);
  }

  private JobListener listener =
      new JobListener() {
        @Override
        public void started(Path dir) {}

        @Override
        public void ended(Path dir, int exitCode) {}
      };

  /** The same runner, telling {@code l} when each job starts and ends. */
  public GridRunner withListener(JobListener l) {
    this.listener = l;
    return this;
  }

  /** Runs {@code jobs} (already this shard's) in order; returns one outcome each. */
  public List<Outcome> run(List<Job> jobs) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Job job = jobs.get(i);
      err.printf("%n[%d/%d] %s (%s)%n", i + 1, jobs.size(), job.name(), job.variant().paperLabel());
      err.flush();
      Outcome o = runOne(job);
      err.printf(
          "[%d/%d] %s: %s in %.0f s %s%n",
          i + 1, jobs.size(), job.name(), o.status(), o.seconds(), o.detail());
      err.flush();
      outcomes.add(o);
    }
    return outcomes;
  }

  private Outcome runOne(Job job) {
    long start = System.nanoTime();
    Variant v = job.variant();
    Path dir = root.resolve(job.name());
    if (Files.exists(new RunFolder(dir).metrics())) {
      return new Outcome(job, "done earlier", 0, "(skipped; delete its metrics.json to rerun)");
    }
    try {
      Optional<RunLock> lock = RunLock.acquire(dir);
      if (lock.isEmpty()) {
        return new Outcome(job, "running elsewhere", 0, "(" + new RunFolder(dir).lock() + ")");
      }
      try (RunLock held = lock.get()) {
        listener.started(dir);
        Settings s = job.settings();
        Path stageOne =
            !v.regime().hasStageOne() || stageOneSettings == null ? null : stageOne(v, job.seed());
        Path weights =
            TrainingRun.run(
                v, s, data, dir, new TrainingRun.Start(true, null, stageOne), job.hparams());
        // data without a test split (e.g. the user's, with a validation split cut from it) is
        // evaluated on its validation split; metrics.json's datasets name which folder it was
        EvaluationRun.Result r =
            EvaluationRun.evaluate(
                v,
                s,
                weights,
                data.segTest() != null ? data.segTest() : data.segVal(),
                data.clsTest() != null ? data.clsTest() : data.clsVal(),
                dir,
                0,
                false,
                err);
        listener.ended(dir, 0);
        return new Outcome(job, "finished", seconds(start), summary(r.report()));
      }
    } catch (Exception | AssertionError e) {
      listener.ended(dir, 1);
      return new Outcome(
          job, "FAILED", seconds(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The Stage I weights of {@code v}'s backbone and depth for seed {@code k}, trained on first use.
   */
  private Path stageOne(Variant v, int k) throws Exception {
    StageOneRun run = StageOneRun.of(v);
    Variant twoBranch = run.variant();
    Path dir = root.resolve(SeedRuns.folder(run.label(), k));
    Path weights = new RunFolder(dir).weights();
    while (!Files.exists(weights)) {
      Optional<RunLock> lock = RunLock.acquire(dir);
      if (lock.isEmpty()) { // another process trains it: wait for its weights
        Thread.sleep(5000);
        continue;
      }
      try (RunLock held = lock.get()) {
        if (!Files.exists(weights)) {
          err.printf(
              "Stage I for ResNet%d, %d blocks%s (shared by its shared and frozen variants)%n",
              v.depth(), v.blocks(), k == 1 ? "" : ", seed " + k);
          TrainingRun.run(
              twoBranch,
              stageOneSettings.apply(twoBranch, k),
              data,
              dir,
              new TrainingRun.Start(true, null, null),
              Map.of());
        }
      }
    }
    return weights;
  }

  /** The outcome's one line: the headline figures with their intervals and slice counts. */
  static String summary(MetricsReport m) {
    PaperApFigures seg = m.segmentation() == null ? null : m.segmentation().paper();
    CocoFigures coco = m.segmentation() == null ? null : m.segmentation().cocoSegm();
    ClassificationReport cls = m.classification();
    // The paper's per-image AP scores a lesion-free slice without predictions as 1: say over
    // how many slices it averaged, or an untrained model reads as perfect.
    return String.format(
        "AP@0.5 %s %s [slices scored: %s]%s, COCO segm AP50 %s %s, AP@[.5:.95]"
            + " %s; accuracy %s %s (n = %d), F1 %s",
        format(seg == null ? null : seg.ap50()),
        interval(seg == null ? null : seg.ap50Ci95()),
        seg == null ? "0" : PaperTables.slicesScored(seg.images()),
        seg != null && seg.images() != null && seg.images().noLesionSliceScored()
            ? " (" + PaperTables.CANNOT_RANK + ": no slice with lesions scored)"
            : "",
        format(coco == null ? null : coco.ap50()),
        interval(coco == null ? null : coco.ap50Ci95()),
        format(seg == null ? null : seg.ap()),
        format(cls == null ? null : cls.accuracy()),
        interval(cls == null ? null : cls.accuracyCi95()),
        cls == null ? 0 : cls.samples(),
        format(cls == null ? null : cls.f1Weighted()));
  }

  /** {@code [0.5123, 0.8012]}, or an empty string. */
  private static String interval(Ci95 ci) {
    return ci == null ? "" : String.format("[%.4f, %.4f]", ci.low(), ci.high());
  }

  private static String format(Double v) {
    return v == null ? "n/a" : String.format("%.4f", v);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
