/**
 * In-graph training targets of one image (docs/explanation/model.md#51-losses-and-targets,
 * torchvision's detection training code): {@link ssm.targets.Matcher} and {@link
 * ssm.targets.BalancedSampler}, composed into {@link ssm.targets.RpnTargets} (anchors), {@link
 * ssm.targets.RoiTargets} (sampled RoIs of the segmentation branch) and {@link
 * ssm.targets.MaskTargets} (28 x 28 masks of the positive RoIs). Pure graph functions, no state,
 * dynamic counts, no Java loops over tensors.
 *
 * <p>Conventions: boxes {@code [N, 4]} {@code x1, y1, x2, y2} in input pixels (see {@code
 * ssm.box}); index tensors are int32; a sampler seed is a {@code [2]} int64 stateless seed, so a
 * step's sample is a function of its seed (reproducible and resumable). Empty ground truth is an
 * ordinary input: everything becomes background.
 *
 * <p>The model's segmentation path and the losses ({@code ssm.loss}) use these; they use nothing
 * from {@code ssm.train}.
 */
package ssm.targets;
