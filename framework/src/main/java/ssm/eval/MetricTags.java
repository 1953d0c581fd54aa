package ssm.eval;

import java.util.List;

/**
 * The event-file tags of the validation metrics (docs/reference/tensorboard.md), in one place; the
 * loss tags are {@link ssm.loss.LossTags}.
 */
public final class MetricTags {
  /** The paper's per-image mask AP@0.5, AP@0.75 and AP@[.5:.95] (Table 2 ranks by the last). */
  public static final String AP50 = "eval/ap50";

  public static final String AP75 = "eval/ap75";
  public static final String AP = "eval/ap";

  /** COCO segmentation AP@[.5:.95] and AP@0.5. */
  public static final String COCO_AP = "eval/coco_ap";

  public static final String COCO_AP50 = "eval/coco_ap50";

  /** The weighted F1 of the image class (Table 3 ranks by it) and the accuracy. */
  public static final String F1 = "eval/f1";

  public static final String ACCURACY = "eval/accuracy";

  /** Per-class sensitivities, in class order: normal, CP, COVID. */
  public static final List<String> SENSITIVITY =
      List.of("eval/sensitivity_normal", "eval/sensitivity_cp", "eval/sensitivity_covid");

  /** COVID against the other two classes. */
  public static final String COVID_VS_REST_SENSITIVITY = "eval/covid_vs_rest_sensitivity";

  public static final String COVID_VS_REST_SPECIFICITY = "eval/covid_vs_rest_specificity";
  public static final String COVID_VS_REST_ACCURACY = "eval/covid_vs_rest_accuracy";
  public static final String COVID_VS_REST_AUC = "eval/covid_vs_rest_auc";

  /**
   * The lesion area's mean per-slice Dice and pooled Dice ({@link ssm.metrics.LesionAreaMetrics},
   * detections scoring at least {@code eval.lesion-area-score}).
   */
  public static final String LESION_DICE = "eval/lesion_dice";

  public static final String LESION_DICE_POOLED = "eval/lesion_dice_pooled";

  private MetricTags() {}
}
