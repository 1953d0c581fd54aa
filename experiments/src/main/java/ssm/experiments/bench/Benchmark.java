package ssm.experiments.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.RunOptions;
import ssm.data.ClassificationExample;
import ssm.data.CovidxSplit;
import ssm.data.LazyDataset;
import ssm.data.Prefetcher;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;
import ssm.data.Slice;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.graph.GraphContext;
import ssm.graph.Sessions;
import ssm.model.SsmModel;
import ssm.predict.Predictor;
import ssm.settings.ModelSettings;
import ssm.settings.TrainingSettings;
import ssm.train.ClassificationStep;
import ssm.train.SegmentationStep;
import ssm.train.TrainingGraph;

/**
 * {@code ssm bench}: after warm-up, inference seconds per slice (Session.run only, and end to end
 * with mask pasting and RLE as {@link Predictor#predict}), one training iteration (a {@link
 * SegmentationStep} plus a {@link ClassificationStep} over a {@link TrainingGraph}, as the trainer
 * runs them), data-loading throughput (PNG decode through the {@link Prefetcher}) and peak resident
 * memory (VmHWM of /proc/self/status, which includes TensorFlow's native allocations). The data is
 * a temporary synthetic data set ({@link SyntheticCtGenerator}) of the requested size; weights are
 * the initialisers' (timings do not depend on weight values, except through how many detections
 * pass the score threshold: their number is reported).
 */
public final class Benchmark {
  /** What to measure. */
  public enum Part {
    INFERENCE,
    TRAINING,
    DATA
  }

  /**
   * @param size slice side in pixels (square synthetic slices)
   * @param iters timed repetitions of each measurement
   * @param warmup untimed repetitions first
   * @param parts what to measure
   * @param profile also trace one run (FULL_TRACE) per measurement and aggregate step stats
   */
  public record Options(int size, int iters, int warmup, EnumSet<Part> parts, boolean profile) {
    public Options {
      if (size < 64 || iters < 1 || warmup < 0) {
        throw new IllegalArgumentException(
            "size >= 64, iters >= 1, warmup >= 0 (got "
                + size
                + ", "
                + iters
                + ", "
                + warmup
                + ")");
      }
    }
  }

  /** Timing summary in seconds. */
  public record Stats(int n, double median, double p90, double mean, double min) {
    static Stats of(List<Double> seconds) {
      double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = s.length;
      if (n == 0) {
        return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
      double p90 = s[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
      return new Stats(n, median, p90, Arrays.stream(s).average().orElse(0), s[0]);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", n);
      m.put("median_s", median);
      m.put("p90_s", p90);
      m.put("mean_s", mean);
      m.put("min_s", min);
      return m;
    }
  }

  private final SsmModel model;
  private final TrainingSettings training;
  private final Options options;
  private final Consumer<String> log;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final Map<String, StepProfile> profiles = new LinkedHashMap<>();

  public Benchmark(
      SsmModel model, TrainingSettings training, Options options, Consumer<String> log) {
    this.model = model;
    this.training = training;
    this.options = options;
    this.log = log;
  }

  /** Runs the measurements; the results by name (see {@link #table}). */
  public Map<String, Object> run() throws IOException {
    results.put("size", options.size());
    results.put("iters", options.iters());
    results.put("warmup", options.warmup());
    results.put("load_average_start", loadAverage());
    Path dir = Files.createTempDirectory("ssm-bench");
    try {
      int seg = Math.max(8, Math.min(32, options.iters() + options.warmup()));
      log.accept(
          "writing a synthetic data set ("
              + seg
              + " + "
              + seg
              + " slices of "
              + options.size()
              + "px) to "
              + dir);
      SyntheticCtGenerator.generate(
          dir, new SyntheticCtGenerator.Options(seg, seg * 5 / 3, options.size(), 1), (d, t) -> {});
      ReaderOptions reader =
          ReaderOptions.defaults()
              .withSize(options.size(), 2 * options.size())
              .withCropToBox(false);
      SegmentationFolder segFolder = new SegmentationFolder(dir.resolve("seg/train"), reader);
      CovidxSplit clsSplit =
          new CovidxSplit(dir.resolve("cls/train.txt"), dir.resolve("cls/images"), reader);
      if (options.parts().contains(Part.DATA)) {
        data(segFolder, clsSplit);
      }
      List<SegmentationExample> segs = new ArrayList<>();
      for (int i = 0; i < segFolder.size(); i++) {
        SegmentationExample e = segFolder.load(i);
        if (e.count() > 0) {
          segs.add(e);
        }
      }
      List<ClassificationExample> clss = new ArrayList<>();
      for (int i = 0; i < clsSplit.size(); i++) {
        clss.add(clsSplit.load(i));
      }
      if (options.parts().contains(Part.INFERENCE)) {
        inference(clss);
      }
      if (options.parts().contains(Part.TRAINING)) {
        training(segs, clss);
      }
    } finally {
      deleteTree(dir);
    }
    results.put("load_average_end", loadAverage());
    results.put("peak_rss_mb", vmHwmMb());
    if (!profiles.isEmpty()) {
      Map<String, Object> p = new LinkedHashMap<>();
      profiles.forEach((k, v) -> p.put(k, v.toMap(25)));
      results.put("profile", p);
    }
    return results;
  }

  /** The traced step statistics by measurement (empty without {@link Options#profile}). */
  public Map<String, StepProfile> profiles() {
    return profiles;
  }

  private void inference(List<ClassificationExample> slices) {
    resetPeak();
    log.accept("inference: building the graph");
    long t0 = System.nanoTime();
    try (Predictor predictor = Predictor.untrained(model)) {
      results.put("inference_build_s", (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      try (Result r = predictor.runGraph(slices.get(0).image(), null)) {
        results.put("inference_first_run_s", (System.nanoTime() - t0) / 1e9);
      }
      List<Double> graphOnly = new ArrayList<>();
      List<Double> graphCpu = new ArrayList<>();
      List<Double> endToEnd = new ArrayList<>();
      long detections = 0;
      log.accept("inference: " + options.warmup() + " warm-up + " + options.iters() + " runs");
      for (int i = 0; i < options.warmup() + options.iters(); i++) {
        Slice s = slices.get(i % slices.size()).image();
        long a = System.nanoTime();
        long ca = cpuNanos();
        try (Result r = predictor.runGraph(s, null)) {
          long b = System.nanoTime();
          if (i >= options.warmup()) {
            graphOnly.add((b - a) / 1e9);
            graphCpu.add((cpuNanos() - ca) / 1e9);
            detections += r.get(3).shape().size(0);
          }
        }
      }
      for (int i = 0; i < options.warmup() + options.iters(); i++) {
        Slice s = slices.get(i % slices.size()).image();
        long a = System.nanoTime();
        predictor.predict(s, false);
        long b = System.nanoTime();
        if (i >= options.warmup()) {
          endToEnd.add((b - a) / 1e9);
        }
      }
      results.put("inference_graph", Stats.of(graphOnly).toMap());
      results.put("inference_end_to_end", Stats.of(endToEnd).toMap());
      results.put("inference_graph_cpu", Stats.of(graphCpu).toMap());
      results.put("inference_detections_per_slice", (double) detections / options.iters());
      arithmetic(Math.round((float) detections / options.iters()));
      if (options.profile()) {
        StepProfile p = new StepProfile();
        for (int i = 0; i < Math.min(3, options.iters()); i++) {
          try (Result r = predictor.runGraph(slices.get(i % slices.size()).image(), trace())) {
            r.getMetadata().ifPresent(p::add);
          }
        }
        profiles.put("inference", p);
      }
    }
    results.put("inference_peak_rss_mb", vmHwmMb());
  }

  /**
   * The model's multiply-accumulates per inference ({@link ModelArithmetic}, on the padded input)
   * and the time they take at the machine's measured MatMul rate: the floor for any implementation
   * that does these multiplications in float32 with TensorFlow's kernels.
   */
  private void arithmetic(int detections) {
    ModelSettings m = model.settings();
    int d = m.input().sizeDivisible();
    int side = (options.size() + d - 1) / d * d;
    int branches = model.classificationSource().ownParameterPrefixes().isEmpty() ? 1 : 2;
    long macs =
        ModelArithmetic.total(
            ModelArithmetic.inference(m, side, side, m.rpn().postNmsTopN(), branches, detections));
    log.accept("measuring the machine's float32 MatMul rate (2048^3)");
    double gflops = MatMulRate.measureGflops();
    results.put("inference_gmac", macs / 1e9);
    results.put("matmul_gflops", gflops);
    results.put("inference_arithmetic_floor_s", 2 * macs / 1e9 / gflops);
    int maxPositives = Math.round(m.roi().batchPerImage() * m.roi().positiveFraction());
    results.put(
        "training_arithmetic_floor_s",
        List.of(
            2 * ModelArithmetic.trainingIteration(m, side, side, 0, branches) / 1e9 / gflops,
            2
                * ModelArithmetic.trainingIteration(m, side, side, maxPositives, branches)
                / 1e9
                / gflops));
  }

  private void training(List<SegmentationExample> segs, List<ClassificationExample> clss) {
    if (segs.isEmpty()) {
      throw new IllegalStateException("no synthetic segmentation slice has lesions");
    }
    resetPeak();
    log.accept("training: building the graph");
    long t0 = System.nanoTime();
    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, training.seed());
      TrainingGraph tg = TrainingGraph.build(g, model, training);
      try (Session session = Sessions.create(graph)) {
        results.put("training_build_s", (System.nanoTime() - t0) / 1e9);
        SegmentationStep segmentationStep = new SegmentationStep(tg, training.seed());
        ClassificationStep classificationStep = new ClassificationStep(tg, training.seed());
        double lr = training.learningRate();
        List<Double> seg = new ArrayList<>();
        List<Double> cls = new ArrayList<>();
        List<Double> iteration = new ArrayList<>();
        List<Double> iterationCpu = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        log.accept(
            "training: " + options.warmup() + " warm-up + " + options.iters() + " iterations");
        for (int i = 0; i < options.warmup() + options.iters(); i++) {
          long a = System.nanoTime();
          long ca = cpuNanos();
          segmentationStep.run(session, segs.get(i % segs.size()), i, lr, null);
          long b = System.nanoTime();
          classificationStep.run(session, clss.get(i % clss.size()), i, lr);
          long c = System.nanoTime();
          if (i == 0) {
            results.put("training_first_iteration_s", (c - a) / 1e9);
          }
          if (i >= options.warmup()) {
            seg.add((b - a) / 1e9);
            cls.add((c - b) / 1e9);
            iteration.add((c - a) / 1e9);
            iterationCpu.add((cpuNanos() - ca) / 1e9);
          }
          if (tg.copyRule.twoBranches()) {
            long d = System.nanoTime();
            tg.copyRule.copy(session);
            if (i >= options.warmup()) {
              copy.add((System.nanoTime() - d) / 1e9);
            }
          }
        }
        results.put("training_iteration", Stats.of(iteration).toMap());
        results.put("training_iteration_cpu", Stats.of(iterationCpu).toMap());
        results.put("training_segmentation_step", Stats.of(seg).toMap());
        results.put("training_classification_step", Stats.of(cls).toMap());
        if (!copy.isEmpty()) {
          results.put("training_branch_copy", Stats.of(copy).toMap());
        }
        if (options.profile()) {
          StepProfile ps = new StepProfile();
          StepProfile pc = new StepProfile();
          for (int i = 0; i < Math.min(3, options.iters()); i++) {
            segmentationStep
                .trace(session, segs.get(i % segs.size()), i, lr, trace())
                .ifPresent(ps::add);
            classificationStep
                .trace(session, clss.get(i % clss.size()), i, lr, trace())
                .ifPresent(pc::add);
          }
          profiles.put("segmentation_step", ps);
          profiles.put("classification_step", pc);
        }
      }
    }
    results.put("training_peak_rss_mb", vmHwmMb());
  }

  private void data(SegmentationFolder segFolder, CovidxSplit clsSplit) {
    // Warm the decoders (class loading, ImageIO plug-ins), then time one pass each.
    segFolder.load(0);
    clsSplit.load(0);
    results.put("data_segmentation_slices_per_s", throughput(segFolder));
    results.put("data_classification_slices_per_s", throughput(clsSplit));
  }

  private static <T> double throughput(LazyDataset<T> dataset) {
    long a = System.nanoTime();
    int n = 0;
    try (Prefetcher<T> p = Prefetcher.inOrder(dataset, 4)) {
      while (p.hasNext()) {
        p.next();
        n++;
      }
    }
    return n / ((System.nanoTime() - a) / 1e9);
  }

  private static RunOptions trace() {
    return RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
  }

  /** CPU time of this process, all threads (TensorFlow's native ones included), or 0. */
  static long cpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** The three load averages of /proc/loadavg, or an empty string where there is none. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Peak resident set (VmHWM) of this process in MB, or -1 where /proc is missing. */
  public static double vmHwmMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** Resets VmHWM to the current resident set (Linux: write 5 to /proc/self/clear_refs). */
  static void resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5", StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: the peak then covers the whole process
    }
  }

  /** A human-readable table of {@code r} (from {@link #run}). */
  @SuppressWarnings("unchecked")
  public static String table(String variant, Map<String, Object> r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "ssm bench %s  %spx  iters %s  warm-up %s  (load average %s -> %s)%n",
            variant,
            r.get("size"),
            r.get("iters"),
            r.get("warmup"),
            r.get("load_average_start"),
            r.get("load_average_end")));
    b.append(String.format("%-38s %10s %10s %10s%n", "measurement", "median", "p90", "min"));
    for (String[] row :
        new String[][] {
          {"inference_graph", "inference, Session.run only (s/slice)"},
          {"inference_end_to_end", "inference, end to end (s/slice)"},
          {"inference_graph_cpu", "inference, CPU s of Session.run"},
          {"training_iteration", "training iteration (s)"},
          {"training_iteration_cpu", "training iteration, CPU s"},
          {"training_segmentation_step", "  segmentation step (s)"},
          {"training_classification_step", "  classification step (s)"},
          {"training_branch_copy", "  branch copy (s)"}
        }) {
      Object v = r.get(row[0]);
      if (v instanceof Map<?, ?> m) {
        Map<String, Object> s = (Map<String, Object>) m;
        b.append(
            String.format(
                "%-38s %10.4f %10.4f %10.4f%n",
                row[1], s.get("median_s"), s.get("p90_s"), s.get("min_s")));
      }
    }
    for (String[] row :
        new String[][] {
          {"inference_detections_per_slice", "detections per slice (untrained)", "%.1f"},
          {"inference_gmac", "inference multiply-accumulates (G)", "%.2f"},
          {"matmul_gflops", "machine: float32 MatMul rate (GFLOP/s)", "%.1f"},
          {"inference_arithmetic_floor_s", "inference arithmetic at that rate (s)", "%.4f"},
          {"training_arithmetic_floor_s", "training iteration arithmetic (s)", "%.3f .. %.3f"},
          {"inference_build_s", "inference graph build (s)", "%.2f"},
          {"inference_first_run_s", "inference first run (s)", "%.2f"},
          {"training_build_s", "training graph build (s)", "%.2f"},
          {"training_first_iteration_s", "training first iteration (s)", "%.2f"},
          {"data_segmentation_slices_per_s", "data: seg slices/s (PNG+mask decode)", "%.1f"},
          {"data_classification_slices_per_s", "data: cls slices/s (PNG decode)", "%.1f"},
          {"inference_peak_rss_mb", "peak RSS during inference (MB)", "%.0f"},
          {"training_peak_rss_mb", "peak RSS during training (MB)", "%.0f"},
          {"peak_rss_mb", "peak RSS at end (MB, VmHWM)", "%.0f"}
        }) {
      Object v = r.get(row[0]);
      if (v != null) {
        Object[] values = v instanceof List<?> list ? list.toArray() : new Object[] {v};
        b.append(String.format("%-38s %10s%n", row[1], String.format(row[2], values)));
      }
    }
    return b.toString();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
