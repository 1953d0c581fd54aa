package ssm.experiments.run;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import ssm.data.CovidxSplit;
import ssm.data.CroppedSegmentation;
import ssm.data.LazyDataset;
import ssm.data.MirroredSegmentation;
import ssm.data.QuarterTurnedSegmentation;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;
import ssm.data.SliceCollection;
import ssm.eval.MetricTags;
import ssm.events.EventFileWriter;
import ssm.graph.GraphContext;
import ssm.graph.Sessions;
import ssm.io.Weights;
import ssm.loss.LossTags;
import ssm.model.ParameterGroups;
import ssm.model.SsmModel;
import ssm.run.RunFolder;
import ssm.settings.ModelSettings.AnchorSettings;
import ssm.settings.Regime;
import ssm.settings.Settings;
import ssm.settings.SettingsException;
import ssm.settings.TrainingSettings;
import ssm.settings.Variant;
import ssm.train.BalancedCells;
import ssm.train.CheckpointStore;
import ssm.train.CheckpointTensors;
import ssm.train.ClassificationSampling;
import ssm.train.CollectionIndex;
import ssm.train.FinalWeights;
import ssm.train.StagePlan;
import ssm.train.Trainer;
import ssm.train.TrainingData;
import ssm.train.TrainingGraph;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;
import ssm.train.hooks.CheckpointHook;
import ssm.train.hooks.EventsHook;
import ssm.train.hooks.NanGuard;
import ssm.train.hooks.ProgressHook;
import ssm.train.hooks.WeightHistogramHook;
import ssm.wiring.ModelWiring;

/**
 * One training run of one variant, start to end: the run folder (resolved config, event file,
 * checkpoints, final weights), the training graph and session, resume from the last checkpoint, the
 * hooks, and the trainer. Graph, session and event file live in one try-with-resources.
 */
public final class TrainingRun {
  /** File name of the final weights in the run folder. */
  public static final String WEIGHTS = RunFolder.WEIGHTS;

  /** Gradient histograms are logged every this many steps (a full copy of the gradients). */
  static final int GRADIENT_HISTOGRAM_STEPS = 200;

  /**
   * What to start from.
   *
   * @param resume continue from the run folder's last checkpoint when there is one
   * @param initWeights weights to start from (e.g. an ImageNet-initialised body), or null
   * @param stageOneWeights a finished Stage I model: Stage I is skipped, or null
   */
  public record Start(boolean resume, Path initWeights, Path stageOneWeights) {
    public static final Start FRESH = new Start(false, null, null);
  }

  private TrainingRun() {}

  /** Trains {@code variant} into {@code out}; returns the final weights file. */
  public static Path run(
      Variant variant, Settings settings, DataSources sources, Path out, Start start)
      throws Exception {
    return run(variant, settings, sources, out, start, Map.of(), List.of());
  }

  /** As {@link #run(Variant, Settings, DataSources, Path, Start)}, logging extra hparams. */
  public static Path run(
      Variant variant,
      Settings settings,
      DataSources sources,
      Path out,
      Start start,
      Map<String, Object> hparams)
      throws Exception {
    return run(variant, settings, sources, out, start, hparams, List.of());
  }

  /** As {@link #run(Variant, Settings, DataSources, Path, Start)} with extra hooks (tests). */
  static Path run(
      Variant variant,
      Settings settings,
      DataSources sources,
      Path out,
      Start start,
      Map<String, Object> extraHparams,
      List<TrainingHook> extraHooks)
      throws Exception {
    return run(
        variant, settings, sources, out, start, extraHparams, extraHooks, EpochEndProbe.NONE);
  }

  /**
   * As {@link #run(Variant, Settings, DataSources, Path, Start)} with extra hooks, first to see
   * each event, and a probe of each epoch's end (tests).
   */
  static Path run(
      Variant variant,
      Settings settings,
      DataSources sources,
      Path out,
      Start start,
      Map<String, Object> extraHparams,
      List<TrainingHook> extraHooks,
      EpochEndProbe probe)
      throws Exception {
    RunFolder run = new RunFolder(out);
    if (!start.resume()) {
      run.refuseFreshRun();
    }
    Injector injector = ModelWiring.injector(variant, settings);
    SsmModel model = injector.getInstance(SsmModel.class);
    Regime regime = injector.getInstance(Regime.class);
    String label = label(variant, settings, regime);
    ReaderOptions options = DataSources.readerOptions(settings);
    SegmentationFolder segmentationFolder = new SegmentationFolder(sources.segTrain(), options);
    requirePseudoLabelledSlices(settings.training(), segmentationFolder, sources.segTrain());
    LazyDataset<SegmentationExample> segmentation = segmentationFolder;
    if (settings.data().augmentTurn()) {
      segmentation = new QuarterTurnedSegmentation(segmentation);
    }
    if (settings.data().augmentFlip()) {
      segmentation = new MirroredSegmentation(segmentation);
    }
    if (settings.data().augmentCrops() > 0) {
      segmentation =
          new CroppedSegmentation(
              segmentation,
              settings.data().augmentCrops(),
              options.resizer(),
              settings.training().seed());
    }
    CovidxSplit classification =
        new CovidxSplit(
            sources.clsTrain(), CovidxSplit.defaultImagesDir(sources.clsTrain()), options);
    TrainingData data =
        new TrainingData(
            segmentation,
            classification,
            sources.description(),
            classificationCells(classification, settings));
    CollectionIndex collections =
        adversaryCollections(settings, classification, sources.clsTrain());
    Files.createDirectories(run.dir());
    settings.writeTo(run.dir());

    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, settings.training().seed());
      TrainingGraph tg = TrainingGraph.build(g, model, settings.training(), collections);
      try (Session session = Sessions.create(graph)) {
        CheckpointStore checkpoints =
            new CheckpointStore(run.checkpoints(), settings.training().keepCheckpoints());
        CheckpointTensors tensors = new CheckpointTensors(session, g.parameters(), tg);
        Optional<Path> latest = start.resume() ? checkpoints.latest() : Optional.empty();
        TrainingState state =
            initialState(session, g, regime, checkpoints, tensors, latest, start, settings);
        Path weights = run.weights();
        if (finished(state, settings)) {
          followUpLastCheckpoint(
              model, settings, sources, run, session, g, checkpoints, tensors, latest.get(), state);
          String from = writeFinalWeights(checkpoints, settings, weights);
          checkpoints.finish();
          System.err.printf(
              "%s: %s is a finished run (%d steps): nothing to train; weights (%s) in %s%n",
              label, out, state.globalStep(), from, weights);
          return weights;
        }
        // A finished run (above) writes no event file unless its last validation was missing.
        try (EventFileWriter events = new EventFileWriter(run.events())) {
          List<TrainingHook> hooks = new ArrayList<>(extraHooks);
          CheckpointHook written =
              new CheckpointHook(checkpoints, tensors, settings.training().checkpointEveryEpochs());
          if (latest.isPresent()) {
            written.resumeFrom(latest.get());
          }
          StagePlan plan = StagePlan.of(settings.training(), data);
          hooks.addAll(hooks(label, plan, events, written));
          hooks.add(probe.at(EpochEndProbe.Point.CHECKPOINT_WRITTEN));
          hooks.addAll(
              validationHooks(
                  model, settings, sources, events, session, g, written, checkpoints, probe));
          hooks.add(probe.at(EpochEndProbe.Point.VALIDATION_RECORDED));
          Trainer trainer = new Trainer(session, tg, data, settings.training(), plan, hooks);
          trainer.fetchGradientsEvery(GRADIENT_HISTOGRAM_STEPS);
          if (state.globalStep() == 0) {
            events.text("config", 0, "```\n" + settings.render(true) + "\n```");
            events.graph(graph.toGraphDef());
          }
          Map<String, Object> hparams = hparams(variant, settings);
          hparams.putAll(extraHparams);
          events.hparams(
              hparams,
              List.of(
                  LossTags.SEGMENTATION, LossTags.CLASSIFICATION, MetricTags.AP, MetricTags.F1));
          TrainingState end = trainer.run(state);
          String from = writeFinalWeights(checkpoints, settings, weights);
          checkpoints.finish();
          events.hparamsEnd(ssm.events.SessionStatus.SUCCESS);
          System.err.printf(
              "%s: trained %d steps; weights (%s) in %s%n", label, end.globalStep(), from, weights);
          return weights;
        }
      }
    }
  }

  /**
   * Finishes what a finished run that died at its last epoch's end left undone: {@code best/} kept,
   * the last checkpoint validated (into a new event file) and ranked.
   */
  private static void followUpLastCheckpoint(
      SsmModel model,
      Settings settings,
      DataSources sources,
      RunFolder run,
      Session session,
      GraphContext g,
      CheckpointStore checkpoints,
      CheckpointTensors tensors,
      Path last,
      TrainingState state)
      throws Exception {
    CheckpointHook written =
        new CheckpointHook(checkpoints, tensors, settings.training().checkpointEveryEpochs());
    written.resumeFrom(last);
    boolean validates =
        (sources.clsVal() != null || sources.segVal() != null)
            && new BestValidationKeeper(checkpoints).awaitsValidation(last);
    try (EventFileWriter events = validates ? new EventFileWriter(run.events()) : null) {
      for (TrainingHook h :
          validationHooks(
              model,
              settings,
              sources,
              events,
              session,
              g,
              written,
              checkpoints,
              EpochEndProbe.NONE)) {
        h.beforeTraining(state);
      }
    }
  }

  /**
   * Writes the run's final weights (training.average-last-epochs); returns where they come from,
   * for the log: {@code "ckpt-000002185"} or {@code "mean of 3 epochs' checkpoints, ckpt-000001311
   * .. ckpt-000002185"}.
   */
  private static String writeFinalWeights(
      CheckpointStore checkpoints, Settings settings, Path weights) throws IOException {
    List<Path> used =
        FinalWeights.write(checkpoints, settings.training().averageLastEpochs(), weights);
    String last = used.get(used.size() - 1).getFileName().toString();
    return used.size() == 1
        ? last
        : "mean of "
            + used.size()
            + " epochs' checkpoints, "
            + used.get(0).getFileName()
            + " .. "
            + last;
  }

  /**
   * What progress lines call the run: the variant, or {@code stage1-r18-3} for a Stage I-only run
   * ({@link StageOneRun}), which serves every regime of its backbone and depth.
   */
  static String label(Variant variant, Settings settings, Regime regime) {
    return StageOneRun.of(variant, settings, regime).map(StageOneRun::label).orElse(variant.name());
  }

  /** Whether a run at {@code state} has no step left (a resumed run that had finished). */
  static boolean finished(TrainingState state, Settings settings) {
    return StagePlan.epochsOf(settings.training()).finished(state);
  }

  private static TrainingState initialState(
      Session session,
      GraphContext g,
      Regime regime,
      CheckpointStore checkpoints,
      CheckpointTensors tensors,
      Optional<Path> latest,
      Start start,
      Settings settings)
      throws IOException {
    if (latest.isPresent()) {
      TrainingState saved = checkpoints.state(latest.get());
      if (finished(saved, settings)) {
        return saved; // nothing will be trained: nothing to load (its optimizer state is gone)
      }
      tensors.restore(latest.get());
      TrainingState s = checkpoints.state(latest.get());
      System.err.printf(
          "resuming from %s (stage %d, %d epoch(s) of it done, step %d)%n",
          latest.get(), s.stage(), s.epoch(), s.globalStep());
      return s;
    }
    AnchorSettings anchors = settings.model().anchors();
    if (start.initWeights() != null) {
      Weights.load(session, g.parameters(), start.initWeights(), anchors, true);
    }
    if (start.stageOneWeights() != null && regime.hasStageOne()) {
      // A Stage I model (two branches) serves every regime of its backbone and depth. Stage I
      // does not train S: S keeps this run's initial values, whatever its input's size.
      Weights.loadExcept(
          session, g.parameters(), start.stageOneWeights(), anchors, ParameterGroups::sHead);
      return TrainingState.start(false);
    }
    return TrainingState.start(regime.hasStageOne());
  }

  /**
   * The training's own hooks, in the order they see each event: NaN guard, progress, event file,
   * checkpoints ({@code written}).
   */
  private static List<TrainingHook> hooks(
      String label, StagePlan plan, EventFileWriter events, CheckpointHook written) {
    return List.of(
        new NanGuard(), new ProgressHook(label, plan), new EventsHook(events, 1), written);
  }

  /**
   * When the data has a validation split, after each epoch that {@code written} wrote a checkpoint:
   * a histogram of every weight, then the checkpoint's evaluation, which keeps the best one. None
   * without a validation split.
   */
  private static List<TrainingHook> validationHooks(
      SsmModel model,
      Settings settings,
      DataSources sources,
      EventFileWriter events,
      Session session,
      GraphContext g,
      CheckpointHook written,
      CheckpointStore checkpoints,
      EpochEndProbe probe) {
    if (sources.clsVal() == null && sources.segVal() == null) {
      return List.of();
    }
    ReaderOptions options = DataSources.readerOptions(settings);
    return List.of(
        new WeightHistogramHook(written::last, events, session, g.parameters()),
        new ValidationHook(
            model,
            written::last,
            sources.segVal() == null
                ? null
                : new SegmentationFolder(
                    sources.segVal(), DataSources.detectionTestReaderOptions(settings)),
            sources.clsVal() == null
                ? null
                : new CovidxSplit(
                    sources.clsVal(), CovidxSplit.defaultImagesDir(sources.clsVal()), options),
            events,
            new BestValidationKeeper(checkpoints),
            settings.eval().lesionAreaScore(),
            probe));
  }

  private static Map<String, Object> hparams(Variant v, Settings s) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("variant", v.name());
    h.put("regime", v.regime().configName());
    h.put("backbone", "ResNet" + v.depth());
    h.put("blocks", v.blocks());
    h.put("learning_rate", s.training().learningRate());
    h.put("stage1_learning_rate", s.training().stage1LearningRate());
    h.put("classification_learning_rate", s.training().classificationLearningRate());
    h.put("lr_warmup_steps", s.training().lrSchedule().warmupSteps());
    h.put("lr_decay", s.training().lrSchedule().decay().configName());
    h.put("weight_decay", s.training().weightDecay());
    h.put("epochs", s.training().epochs());
    h.put("stage1_epochs", s.training().stage1Epochs());
    h.put("update_rule", s.training().updateRule().configName());
    h.put("roi_gradient", s.model().classifier().roiGradient());
    h.put("s_image_features", s.model().classifier().imageFeatures());
    h.put("s_roi_batch", s.model().classifier().roiBatch());
    h.put("average_last_epochs", s.training().averageLastEpochs());
    h.put("collection_adversary_weight", s.training().collectionAdversaryWeight());
    h.put("image_size", s.model().input().minSize());
    return h;
  }

  /**
   * Refuses a {@code training.pseudo-label-collection} that no segmentation training slice belongs
   * to: a misspelt name would otherwise weigh nothing, silently.
   */
  static void requirePseudoLabelledSlices(
      TrainingSettings training, LazyDataset<SegmentationExample> segmentation, Path folder) {
    String wanted = training.pseudoLabelCollection();
    if (wanted.isEmpty()) {
      return;
    }
    Set<String> present = SliceCollection.counts(segmentation).keySet();
    if (!present.contains(wanted)) {
      throw new SettingsException(
          "training.pseudo-label-collection = "
              + wanted
              + ": no segmentation training slice in "
              + folder
              + " belongs to it (its collections: "
              + String.join(", ", present)
              + ")");
    }
  }

  /**
   * The collections of the classification training slices, which the collection adversary tells
   * apart ({@code training.collection-adversary-weight}); null without an adversary. Refuses the
   * adversary when they are all of one collection, where there is nothing to tell.
   */
  static CollectionIndex adversaryCollections(
      Settings settings, CovidxSplit classification, Path splitFile) {
    TrainingSettings training = settings.training();
    if (training.collectionAdversaryWeight() == 0) {
      return null;
    }
    CollectionIndex collections =
        CollectionIndex.of(classification, settings.model().classifier().classes());
    if (collections.names().size() < 2) {
      throw new SettingsException(
          "training.collection-adversary-weight = "
              + training.collectionAdversaryWeight()
              + " needs classification training slices of at least two collections; those of "
              + splitFile
              + " are all of "
              + String.join(", ", collections.names())
              + " (docs/reference/data.md, \"A slice's collection\")");
    }
    return collections;
  }

  /**
   * The cells Stage II draws the classification training slices from ({@code
   * data.classification-sampling}), or null: every slice once per epoch.
   */
  static BalancedCells classificationCells(CovidxSplit classification, Settings settings) {
    List<String> collections = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < classification.size(); i++) {
      collections.add(SliceCollection.of(classification, i));
      labels.add(String.valueOf(classification.entry(i).label()));
    }
    return ClassificationSampling.parse(settings.data().classificationSampling())
        .cells(collections, labels);
  }
}
