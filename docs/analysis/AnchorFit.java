import java.nio.file.Path;
import ssm.box.Anchors;
import ssm.data.ImageDecoder;
import ssm.data.ReaderOptions;
import ssm.data.Resizer;
import ssm.data.SegmentationFolder;

/**
 * docs/log/README.md, finding 1: for every lesion box of a segmentation folder, scaled by the
 * model's input transform, the best IoU any anchor shape (sizes x the base aspect ratios, as
 * {@link Anchors#base}) reaches when centred on the box: an upper bound of what the RPN matcher
 * can find. Run from the repository root after a build:
 *
 * <pre>
 * javac -cp "framework/target/classes:experiments/target/lib/*" -d /tmp/af docs/analysis/AnchorFit.java
 * java -cp "framework/target/classes:experiments/target/lib/*:/tmp/af" AnchorFit \
 *     runs/real-split/seg/train 256 512 "2,4,8,16,32;8,16,32,64,128"
 * </pre>
 */
public class AnchorFit {
  public static void main(String[] a) {
    int min = Integer.parseInt(a[1]);
    int max = Integer.parseInt(a[2]);
    Resizer resizer = new Resizer(min, max);
    SegmentationFolder f = new SegmentationFolder(Path.of(a[0]), ReaderOptions.defaults());
    float[] ratios = {0.1f, 0.25f, 0.5f, 1f, 1.5f, 2f};
    for (String set : a[3].split(";")) {
      String[] s = set.split(",");
      int n = 0;
      int[] reach = new int[3]; // IoU >= 0.7, 0.5, 0.3
      double sum = 0;
      for (int i = 0; i < f.size(); i++) {
        ImageDecoder.LabelImage mask = ImageDecoder.decodeLabels(f.maskPath(i));
        int[] out = resizer.outputSize(mask.height(), mask.width());
        double sy = (double) out[0] / mask.height();
        double sx = (double) out[1] / mask.width();
        float[] b = f.instances(i).boxes();
        for (int k = 0; k < b.length; k += 4) {
          double w = (b[k + 2] - b[k]) * sx;
          double h = (b[k + 3] - b[k + 1]) * sy;
          double best = 0;
          for (String size : s) {
            for (float r : ratios) {
              float[] an = Anchors.base(Float.parseFloat(size), r);
              double aw = an[2] - an[0];
              double ah = an[3] - an[1];
              double inter = Math.min(w, aw) * Math.min(h, ah);
              best = Math.max(best, inter / (w * h + aw * ah - inter));
            }
          }
          n++;
          sum += best;
          reach[0] += best >= 0.7 ? 1 : 0;
          reach[1] += best >= 0.5 ? 1 : 0;
          reach[2] += best >= 0.3 ? 1 : 0;
        }
      }
      System.out.printf("input %d/%d anchors %s: %d lesions, mean best IoU %.3f; >= 0.7: %d, "
          + ">= 0.5: %d, >= 0.3: %d%n", min, max, set, n, sum / n, reach[0], reach[1], reach[2]);
    }
  }
}
