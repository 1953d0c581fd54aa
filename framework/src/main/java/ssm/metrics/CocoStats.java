package ssm.metrics;

import java.util.List;

/**
 * The 12 standard COCO summary numbers, in pycocotools' {@code stats} order; -1 where undefined (no
 * ground truth that counts in that setting).
 */
public record CocoStats(
    double ap,
    double ap50,
    double ap75,
    double apSmall,
    double apMedium,
    double apLarge,
    double ar1,
    double ar10,
    double ar100,
    double arSmall,
    double arMedium,
    double arLarge) {

  /** Stable names of the 12 numbers, used as JSON keys, in {@code stats} order. */
  public static final List<String> NAMES =
      List.of(
          "AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl");

  /** From pycocotools' {@code stats} array. */
  public static CocoStats of(double[] s) {
    return new CocoStats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11]);
  }

  /** The numbers in {@code stats} order. */
  public double[] asArray() {
    return new double[] {
      ap, ap50, ap75, apSmall, apMedium, apLarge, ar1, ar10, ar100, arSmall, arMedium, arLarge
    };
  }
}
