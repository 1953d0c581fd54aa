package ssm.targets;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Any;
import org.tensorflow.op.core.Max;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.util.Check;

/**
 * torchvision's {@code det_utils.Matcher}: assigns every prediction (anchor or proposal) the
 * ground-truth box it overlaps most, or marks it as below the low threshold or between the two.
 *
 * <p>Per column j of an IoU matrix {@code [G, N]} (rows gt, columns predictions): {@code best =
 * max_i iou[i][j]}, {@code match = argmax_i iou[i][j]} (the first maximal row on ties); {@code best
 * < low} gives {@link #BELOW_LOW}, {@code low <= best < high} gives {@link #BETWEEN}, otherwise the
 * gt index. With low-quality matches allowed (torchvision {@code set_low_quality_matches_}): for
 * each gt row, every prediction whose IoU equals that row's maximum gets back its ORIGINAL argmax
 * match (not necessarily that gt), exactly as torchvision does — including a gt whose maximum is 0
 * (then every prediction with IoU 0 to it is restored; a degenerate gt box the data layer should
 * not produce).
 *
 * <p>G = 0 is an ordinary input: every prediction is {@link #BELOW_LOW} (torchvision's RPN and RoI
 * heads special-case empty gt the same way: all background). NaN IoUs (two zero-area boxes) are not
 * supported.
 */
public record Matcher(float highThreshold, float lowThreshold, boolean allowLowQualityMatches) {
  /** Match value of a prediction whose best IoU is below the low threshold (negative). */
  public static final int BELOW_LOW = -1;

  /** Match value of a prediction between the thresholds (ignored). */
  public static final int BETWEEN = -2;

  public Matcher {
    Check.range("matcher low threshold", lowThreshold, 0, 1);
    Check.range("matcher high threshold", highThreshold, 0, 1);
    Check.that(
        lowThreshold <= highThreshold,
        "matcher low threshold (%s) must not exceed the high threshold (%s)",
        lowThreshold,
        highThreshold);
  }

  /**
   * @param iou {@code [G, N]} float32, G and N may be dynamic, G may be 0
   * @return {@code [N]} int32: the matched gt row, {@link #BELOW_LOW} or {@link #BETWEEN}
   */
  public Operand<TInt32> match(Ops tf, Operand<TFloat32> iou) {
    Ops t = tf.withSubScope("matcher");
    // A sentinel row of -1 (below any IoU) keeps argmax defined when G = 0; it never wins
    // otherwise, and with G = 0 its value -1 < low marks everything BELOW_LOW.
    Operand<TFloat32> sentinel =
        t.fill(t.stack(List.of(t.constant(1), columns(t, iou))), t.constant(-1f));
    Operand<TFloat32> padded = t.concat(List.of(iou, sentinel), t.constant(0));
    Operand<TFloat32> best = t.max(padded, t.constant(0));
    Operand<TInt32> allMatches = t.math.argMax(padded, t.constant(0), TInt32.class);
    Operand<TInt32> matches =
        t.select(
            t.math.less(best, t.constant(lowThreshold)),
            t.fill(t.shape(allMatches), t.constant(BELOW_LOW)),
            t.select(
                t.math.less(best, t.constant(highThreshold)),
                t.fill(t.shape(allMatches), t.constant(BETWEEN)),
                allMatches));
    if (!allowLowQualityMatches) {
      return matches;
    }
    // torchvision set_low_quality_matches_: highest IoU per gt, then every (gt, pred) pair that
    // reaches it restores pred's original match.
    Operand<TFloat32> highestPerGt = t.max(iou, t.constant(1), Max.keepDims(true));
    Operand<TBool> reaches =
        t.any(t.math.equal(iou, highestPerGt), t.constant(0), Any.keepDims(false));
    return t.select(reaches, allMatches, matches);
  }

  private static Operand<TInt32> columns(Ops t, Operand<TFloat32> iou) {
    return t.gather(t.shape(iou), t.constant(1), t.constant(0));
  }
}
