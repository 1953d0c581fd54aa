package ssm.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A CNCB-NCOV style segmentation folder: {@code DIR/images/*.png|jpg} (or {@code DIR/imgs/}, the
 * author's code's name, see {@link #imagesDir}) and {@code DIR/masks/} with one PNG mask per image,
 * same base name (docs/explanation/model.md#61-segmentation-cncb-ncov). Items are listed in
 * file-name order at construction (an image without a mask is bad) and decoded by {@link #load}:
 * the image resized per docs/explanation/model.md#21-input, lesion instances found at the ORIGINAL
 * resolution (area rule in original pixels, as the reference), then boxes scaled by the slice's
 * scale factors and instance masks resized nearest-neighbour.
 */
public final class SegmentationFolder implements LazyDataset<SegmentationExample> {
  private final Path dir;
  private final ReaderOptions options;
  private final Resizer resizer;
  private final List<Path> images = new ArrayList<>();
  private final List<Path> masks = new ArrayList<>();
  private final BadItems bad = new BadItems();

  /** Lists {@code dir}; throws {@link DataException} when a folder is missing or empty. */
  public SegmentationFolder(Path dir, ReaderOptions options) {
    this.dir = dir;
    this.options = options;
    this.resizer = options.resizer();
    Path imageDir = imagesDir(dir);
    Path maskDir = dir.resolve("masks");
    if (imageDir == null) {
      throw new DataException(
          dir.toString(), "segmentation folder has no images/ (or imgs/) " + "folder");
    }
    requireDir(maskDir);
    for (Path image : list(imageDir)) {
      String name = image.getFileName().toString();
      Path mask = maskDir.resolve(ImageDecoder.baseName(name) + ".png");
      if (!Files.isRegularFile(mask)) {
        DataException e = new DataException(name, "no mask " + dir.relativize(mask));
        if (!options.skipBad()) {
          throw e;
        }
        bad.add(e);
        continue;
      }
      images.add(image);
      masks.add(mask);
    }
    if (images.isEmpty()) {
      throw new DataException(
          dir.toString(),
          "segmentation folder has no usable images in "
              + imageDir.getFileName()
              + "/"
              + (bad.count() > 0 ? " (" + bad.summary() + ")" : ""));
    }
  }

  private SegmentationFolder(SegmentationFolder of, List<Integer> indices) {
    this.dir = of.dir;
    this.options = of.options;
    this.resizer = of.resizer;
    for (int i : indices) {
      images.add(of.images.get(i));
      masks.add(of.masks.get(i));
    }
  }

  /**
   * Items {@code indices} of this folder, in that order, read the same way (so that an evaluation
   * of the subset finds the same ground truth as one of the whole folder).
   */
  public SegmentationFolder subset(List<Integer> indices) {
    return new SegmentationFolder(this, indices);
  }

  /**
   * The images folder of segmentation folder {@code dir}: {@code images/}, else {@code imgs/} (the
   * name the author's code uses); null when there is neither.
   */
  public static Path imagesDir(Path dir) {
    for (String name : new String[] {"images", "imgs"}) {
      if (Files.isDirectory(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return null;
  }

  /** Whether {@code dir} looks like a segmentation folder: an images folder and {@code masks/}. */
  public static boolean isSegmentationFolder(Path dir) {
    return imagesDir(dir) != null && Files.isDirectory(dir.resolve("masks"));
  }

  /** The image file of item {@code index}. */
  public Path imagePath(int index) {
    return images.get(index);
  }

  /** The folder read with {@link ReaderOptions#defaults()}. */
  public static SegmentationFolder open(Path dir) {
    return new SegmentationFolder(dir, ReaderOptions.defaults());
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public String id(int index) {
    return images.get(index).getFileName().toString();
  }

  /** The mask file of item {@code index}. */
  public Path maskPath(int index) {
    return masks.get(index);
  }

  @Override
  public SegmentationExample load(int index) {
    String id = id(index);
    Slice original = ImageDecoder.decode(images.get(index));
    ImageDecoder.LabelImage mask = ImageDecoder.decodeLabels(masks.get(index));
    String mismatch = LesionMask.sizeMismatch(mask, original.width(), original.height());
    if (mismatch != null) {
      throw new DataException(id, mismatch);
    }
    LesionMask.Instances inst = LesionMask.instances(id, mask, options.minLesionArea());
    Slice image = resizer.resize(original);
    return new SegmentationExample(
        id,
        image,
        scaleBoxes(inst.boxes(), image),
        resizeMasks(inst, original, image),
        inst.count());
  }

  /** Lesion instances of item {@code index} at the original resolution, without the image. */
  public LesionMask.Instances instances(int index) {
    String id = id(index);
    ImageDecoder.LabelImage mask = ImageDecoder.decodeLabels(masks.get(index));
    return LesionMask.instances(id, mask, options.minLesionArea());
  }

  @Override
  public boolean skipBad() {
    return options.skipBad();
  }

  @Override
  public BadItems badItems() {
    return bad;
  }

  /** The folder this dataset reads. */
  public Path dir() {
    return dir;
  }

  static float[] scaleBoxes(float[] boxes, Slice image) {
    // torchvision resize_boxes: x * (new_w / old_w), y * (new_h / old_h), float32
    float sx = image.scaleX();
    float sy = image.scaleY();
    float[] out = new float[boxes.length];
    for (int i = 0; i < boxes.length; i += 4) {
      out[i] = boxes[i] * sx;
      out[i + 1] = boxes[i + 1] * sy;
      out[i + 2] = boxes[i + 2] * sx;
      out[i + 3] = boxes[i + 3] * sy;
    }
    return out;
  }

  private static byte[] resizeMasks(LesionMask.Instances inst, Slice original, Slice image) {
    if (image.height() == original.height() && image.width() == original.width()) {
      return inst.masks();
    }
    int inPlane = original.height() * original.width();
    int outPlane = image.height() * image.width();
    byte[] out = new byte[inst.count() * outPlane];
    for (int k = 0; k < inst.count(); k++) {
      byte[] one = new byte[inPlane];
      System.arraycopy(inst.masks(), k * inPlane, one, 0, inPlane);
      byte[] resized =
          Resizer.nearest(one, original.height(), original.width(), image.height(), image.width());
      System.arraycopy(resized, 0, out, k * outPlane, outPlane);
    }
    return out;
  }

  private static void requireDir(Path d) {
    if (!Files.isDirectory(d)) {
      throw new DataException(d.toString(), "folder does not exist");
    }
  }

  static List<Path> list(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> ImageDecoder.isImageName(p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DataException(d.toString(), "cannot list folder: " + e.getMessage(), e);
    }
  }
}
