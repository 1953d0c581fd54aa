package ssm.events;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.SummaryMetadata;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Builds the {@link Summary.Value}s TensorBoard's dashboards read; pure functions. */
public final class Summaries {
  /** Plugin name of the Text dashboard. */
  public static final String TEXT_PLUGIN = "text";

  private Summaries() {}

  /** A scalar ({@code simple_value}), which the Scalars dashboard plots. */
  public static Summary.Value scalar(String tag, float value) {
    return Summary.Value.newBuilder().setTag(tag).setSimpleValue(value).build();
  }

  /** A text summary: a scalar string tensor tagged for the text plugin; markdown is rendered. */
  public static Summary.Value text(String tag, String text) {
    TensorProto tensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_STRING)
            .setTensorShape(TensorShapeProto.getDefaultInstance())
            .addStringVal(ByteString.copyFrom(text, StandardCharsets.UTF_8))
            .build();
    return Summary.Value.newBuilder()
        .setTag(tag)
        .setMetadata(pluginMetadata(TEXT_PLUGIN, ByteString.EMPTY))
        .setTensor(tensor)
        .build();
  }

  /**
   * An encoded image ({@code Summary.Image}). The colorspace is read from a PNG header (1 grey, 2
   * grey+alpha, 3 RGB or palette, 4 RGBA) and left unset for other encodings.
   */
  public static Summary.Value image(String tag, byte[] encoded, int height, int width) {
    Summary.Image.Builder image =
        Summary.Image.newBuilder()
            .setHeight(height)
            .setWidth(width)
            .setEncodedImageString(ByteString.copyFrom(encoded));
    int colorspace = pngColorspace(encoded);
    if (colorspace > 0) {
      image.setColorspace(colorspace);
    }
    return Summary.Value.newBuilder().setTag(tag).setImage(image).build();
  }

  /** A histogram of {@code values} with TensorFlow's default buckets (see {@link Histograms}). */
  public static Summary.Value histogram(String tag, float[] values) {
    return Summary.Value.newBuilder().setTag(tag).setHisto(Histograms.of(values)).build();
  }

  /** Metadata naming the plugin that owns a summary, with its plugin-specific content. */
  public static SummaryMetadata pluginMetadata(String pluginName, ByteString content) {
    return SummaryMetadata.newBuilder()
        .setPluginData(
            SummaryMetadata.PluginData.newBuilder().setPluginName(pluginName).setContent(content))
        .build();
  }

  /** The colour type byte of a PNG's IHDR mapped to a colorspace, or 0 if not a PNG. */
  static int pngColorspace(byte[] png) {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (png.length < 26) {
      return 0;
    }
    for (int i = 0; i < signature.length; i++) {
      if (png[i] != signature[i]) {
        return 0;
      }
    }
    switch (png[25]) {
      case 0:
        return 1;
      case 4:
        return 2;
      case 2:
      case 3:
        return 3;
      case 6:
        return 4;
      default:
        return 0;
    }
  }
}
