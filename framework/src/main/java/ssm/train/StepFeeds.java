package ssm.train;

import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import ssm.data.Slice;
import ssm.graph.Tensors;

/** Tensors both step types feed: the slice's pixels and the step's stateless seed. */
final class StepFeeds {
  /** The seed's second word for a segmentation step is {@code 2 * step}. */
  static final int SEGMENTATION_PART = 0;

  /** ... and for a classification step {@code 2 * step + 1}. */
  static final int CLASSIFICATION_PART = 1;

  private StepFeeds() {}

  /**
   * The stateless seed [2] of step {@code step}'s part {@code part}: (run seed, 2 * step + part).
   * Every random choice of the step (samplers, RoI-batch padding) derives from it.
   */
  static TInt64 seed(long runSeed, long step, int part) {
    return TInt64.vectorOf(runSeed, 2 * step + part);
  }

  /** A slice as [H, W, 3]. */
  static TFloat32 pixels(Slice s) {
    return Tensors.floats(s.pixels(), s.height(), s.width(), 3);
  }
}
