package ssm.roi;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;

/**
 * Where S's RoI batch comes from: the segmentation branch itself (shared regime) or a second branch
 * of its own (frozen and scratch regimes). Either runs over ALL proposals.
 */
public interface ClassificationRoiSource {

  /**
   * The branch outputs that feed the RoI batch.
   *
   * @param pooled RoI features of all proposals [N, S, S, C]
   * @param segmentation the segmentation branch's outputs on the same RoIs
   */
  BranchOutputs outputs(
      GraphContext g, Ops tf, Operand<TFloat32> pooled, BranchOutputs segmentation);

  /** Parameter-name prefixes owned by this source alone (empty when shared). */
  List<String> ownParameterPrefixes();

  /** Whether parameter {@code name} belongs to this source alone. */
  default boolean owns(String name) {
    return ownParameterPrefixes().stream().anyMatch(name::startsWith);
  }

  /** Shared regime: S reads its RoI batch from the segmentation branch. */
  static ClassificationRoiSource segmentationBranch() {
    return new ClassificationRoiSource() {
      @Override
      public BranchOutputs outputs(
          GraphContext g, Ops tf, Operand<TFloat32> pooled, BranchOutputs segmentation) {
        return segmentation;
      }

      @Override
      public List<String> ownParameterPrefixes() {
        return List.of();
      }
    };
  }

  /** Two-branch regimes: a second box head and predictor ({@code *_s2}). */
  static ClassificationRoiSource secondBranch(BoxBranch branch) {
    return new ClassificationRoiSource() {
      @Override
      public BranchOutputs outputs(
          GraphContext g, Ops tf, Operand<TFloat32> pooled, BranchOutputs segmentation) {
        return branch.apply(g, tf, pooled);
      }

      @Override
      public List<String> ownParameterPrefixes() {
        return branch.parameterPrefixes();
      }
    };
  }
}
