package ssm.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.roi.Detections;
import ssm.roi.RoiBatch;
import ssm.rpn.Proposals;

/**
 * The inference outputs of the SSM for one slice: lesion instances and the image class.
 *
 * @param proposals the RPN's proposals
 * @param detections the segmentation branch's lesion detections
 * @param maskProbabilities [D, 28, 28] lesion-mask probabilities of the detections (in box frame)
 * @param roiBatch the ranked RoI batch that fed S
 * @param featureMean [1, C] the feature map averaged over space (S reads it beside the batch with
 *     {@code model.classifier.image-features})
 * @param classHidden [1, hidden] S's last hidden layer (the collection adversary reads it in
 *     training)
 * @param classLogits [classes] S's logits
 * @param classProbabilities [classes] softmax of the logits
 */
public record InferenceGraph(
    Proposals proposals,
    Detections detections,
    Operand<TFloat32> maskProbabilities,
    RoiBatch roiBatch,
    Operand<TFloat32> featureMean,
    Operand<TFloat32> classHidden,
    Operand<TFloat32> classLogits,
    Operand<TFloat32> classProbabilities) {}
