package ssm.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ssm.data.DataException;
import ssm.data.ImageDecoder;
import ssm.data.LesionMask;
import ssm.metrics.Rle;

/**
 * The ground-truth lesions of predicted slices, read from a folder of CNCB-NCOV label masks (the
 * {@code masks/} folder of a segmentation folder: one PNG per slice, same base name). Instances are
 * found exactly as the evaluation finds them ({@link LesionMask}, components larger than {@code
 * data.min-lesion-area}), at the slice's own resolution.
 */
public final class TruthMasks {
  private final Path dir;
  private final int minLesionArea;

  public TruthMasks(Path dir, int minLesionArea) {
    this.dir = dir;
    this.minLesionArea = minLesionArea;
  }

  /** The mask file of {@code image}: {@code DIR/BASENAME.png}. */
  public Path maskFor(Path image) {
    return dir.resolve(ImageDecoder.baseName(image.getFileName().toString()) + ".png");
  }

  /**
   * Checks that every image has its mask before anything is predicted (a long run should not end in
   * a missing file); throws {@link DataException} naming the first image without one, its expected
   * mask, and how many more lack one, or the folder when it does not exist.
   */
  public void requireMasks(List<Path> images) {
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir.toString(), "folder does not exist");
    }
    List<Path> missing =
        images.stream().filter(image -> !Files.isRegularFile(maskFor(image))).toList();
    if (!missing.isEmpty()) {
      Path first = missing.get(0);
      throw new DataException(
          first.toString(),
          "no ground-truth mask "
              + maskFor(first)
              + (missing.size() > 1
                  ? " (" + (missing.size() - 1) + " more images have no mask in " + dir + ")"
                  : ""));
    }
  }

  /**
   * The lesions of {@code image}, which is {@code height x width}; throws {@link DataException}
   * naming the mask when its size differs or a value is outside 0-3.
   */
  public List<TruthLesion> lesions(Path image, int height, int width) {
    Path maskFile = maskFor(image);
    ImageDecoder.LabelImage mask = ImageDecoder.decodeLabels(maskFile);
    String mismatch = LesionMask.sizeMismatch(mask, width, height);
    if (mismatch != null) {
      throw new DataException(maskFile.toString(), mismatch + " (" + image + ")");
    }
    LesionMask.Instances inst = LesionMask.instances(maskFile.toString(), mask, minLesionArea);
    List<TruthLesion> lesions = new ArrayList<>(inst.count());
    for (int k = 0; k < inst.count(); k++) {
      lesions.add(
          new TruthLesion(
              Arrays.copyOfRange(inst.boxes(), 4 * k, 4 * k + 4),
              inst.areas()[k],
              Rle.encodePlane(inst.masks(), k, height, width)));
    }
    return lesions;
  }
}
