package ssm.experiments.tables;

import java.util.Map;
import ssm.settings.Variant;

/**
 * The paper's published figures (Ter-Sarkisov 2020, Tables 1-3;
 * docs/explanation/model.md#8-paper-results), the ONE place they are written down. Sensitivities
 * and accuracy are in percent as printed; the paper TRUNCATES them to two decimals (96.538 is
 * printed 96.53, see docs/reference/metrics.md).
 */
public final class PaperResults {
  private PaperResults() {}

  /**
   * Table 1: parameters as the paper prints them, and the exact count of this architecture.
   *
   * @param printed the paper's figure, e.g. {@code 8.27M}
   * @param exact the exact count of the reference architecture
   *     (docs/explanation/model.md#3-parameter-counts)
   */
  public record Parameters(String printed, long exact) {}

  /** Table 2: the paper's per-image mask AP at IoU 0.5, 0.75 and 0.50:0.95. */
  public record Segmentation(double ap50, double ap75, double ap) {}

  /** Table 3: sensitivities and accuracy in percent (truncated to two decimals), weighted F1. */
  public record Classification(
      double sensitivityCovid,
      double sensitivityCp,
      double sensitivityNormal,
      double accuracy,
      double f1) {}

  /** Parameters by architecture: depth, blocks, branches (1 shared, 2 frozen/scratch). */
  private static final Map<String, Parameters> PARAMETERS =
      Map.of(
          "18-2-1", new Parameters("4.51M", 4_511_717),
          "18-3-1", new Parameters("6.64M", 6_644_197),
          "34-2-1", new Parameters("5.17M", 5_176_549),
          "34-3-1", new Parameters("12.04M", 12_031_717),
          "18-2-2", new Parameters("6.13M", 6_135_279),
          "18-3-2", new Parameters("8.27M", 8_267_759),
          "34-2-2", new Parameters("6.80M", 6_800_111),
          "34-3-2", new Parameters("13.66M", 13_655_279));

  private static final Map<String, Segmentation> SEGMENTATION =
      Map.ofEntries(
          Map.entry("shared-r18-2", new Segmentation(0.4585, 0.3175, 0.3516)),
          Map.entry("shared-r18-3", new Segmentation(0.4253, 0.3222, 0.3415)),
          Map.entry("shared-r34-2", new Segmentation(0.5635, 0.3942, 0.3993)),
          Map.entry("shared-r34-3", new Segmentation(0.5243, 0.2984, 0.3565)),
          Map.entry("frozen-r18-2", new Segmentation(0.4741, 0.3910, 0.3856)),
          Map.entry("frozen-r18-3", new Segmentation(0.4835, 0.3851, 0.3870)),
          Map.entry("frozen-r34-2", new Segmentation(0.5607, 0.3978, 0.4021)),
          Map.entry("frozen-r34-3", new Segmentation(0.5952, 0.4164, 0.4381)),
          Map.entry("scratch-r18-2", new Segmentation(0.5095, 0.3927, 0.3923)),
          Map.entry("scratch-r18-3", new Segmentation(0.5799, 0.3828, 0.4245)),
          Map.entry("scratch-r34-2", new Segmentation(0.6291, 0.4648, 0.4535)),
          Map.entry("scratch-r34-3", new Segmentation(0.5152, 0.3381, 0.3579)));

  private static final Map<String, Classification> CLASSIFICATION =
      Map.ofEntries(
          Map.entry("shared-r18-2", new Classification(90.20, 89.52, 89.34, 89.58, 0.8969)),
          Map.entry("shared-r18-3", new Classification(83.00, 89.55, 98.62, 92.25, 0.9220)),
          Map.entry("shared-r34-2", new Classification(88.70, 83.35, 94.54, 89.43, 0.8941)),
          Map.entry("shared-r34-3", new Classification(87.13, 96.75, 88.04, 91.23, 0.9138)),
          Map.entry("frozen-r18-2", new Classification(83.76, 78.65, 87.58, 83.67, 0.8370)),
          Map.entry("frozen-r18-3", new Classification(84.38, 78.22, 88.76, 84.18, 0.8417)),
          Map.entry("frozen-r34-2", new Classification(85.48, 81.80, 79.39, 81.47, 0.8166)),
          Map.entry("frozen-r34-3", new Classification(85.07, 78.07, 91.04, 85.28, 0.8528)),
          Map.entry("scratch-r18-2", new Classification(93.16, 95.68, 96.18, 95.38, 0.9542)),
          Map.entry("scratch-r18-3", new Classification(93.00, 96.53, 98.64, 96.75, 0.9676)),
          Map.entry("scratch-r34-2", new Classification(89.62, 89.99, 96.76, 92.93, 0.9293)),
          Map.entry("scratch-r34-3", new Classification(91.44, 95.33, 92.48, 93.26, 0.9333)));

  /** The data of the paper's Table 2 (docs/explanation/model.md#8-paper-results). */
  public static final String SEGMENTATION_DATA = "CNCB-NCOV segmentation test split (100 slices)";

  /** The data of the paper's Table 3 (docs/explanation/model.md#8-paper-results). */
  public static final String CLASSIFICATION_DATA = "COVIDx-CT test split (21,192 slices)";

  public static Parameters parameters(Variant v) {
    return PARAMETERS.get(v.depth() + "-" + v.blocks() + "-" + (v.twoBranches() ? 2 : 1));
  }

  public static Segmentation segmentation(Variant v) {
    return SEGMENTATION.get(v.name());
  }

  public static Classification classification(Variant v) {
    return CLASSIFICATION.get(v.name());
  }
}
