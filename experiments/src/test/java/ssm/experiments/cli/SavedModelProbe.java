package ssm.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import ssm.data.ImageDecoder;
import ssm.data.Resizer;
import ssm.data.Slice;
import ssm.graph.Tensors;
import ssm.predict.SavedModelExport;

/**
 * Run by {@link ExportCommandTest} in a JVM of its own, so that nothing of the exporting process
 * (graph, session, variables) can leak into the check: loads a SavedModel with {@link
 * SavedModelBundle#load}, runs its serving signature on one slice and writes every output as JSON
 * ({@code {name: {shape: [...], values: [...]}}}) to the file given.
 *
 * <p>Usage: {@code SavedModelProbe SAVED_MODEL_DIR IMAGE OUT_JSON}
 */
public final class SavedModelProbe {
  private SavedModelProbe() {}

  public static void main(String[] args) throws Exception {
    Slice slice = Resizer.defaults().resize(ImageDecoder.decode(Path.of(args[1])));
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    try (SavedModelBundle bundle = SavedModelBundle.load(args[0], SavedModelBundle.DEFAULT_TAG);
        TFloat32 image = Tensors.floats(slice.pixels(), slice.height(), slice.width(), 3)) {
      for (int run = 0; run < 2; run++) { // the second run is the warm one
        long start = System.nanoTime();
        try (Result r =
            bundle
                .function(SavedModelExport.SIGNATURE)
                .call(Map.of(SavedModelExport.IMAGE, image))) {
          out.put("run_" + run + "_ms", (System.nanoTime() - start) / 1e6);
          for (Map.Entry<String, Tensor> e : r) {
            ObjectNode o = out.putObject(e.getKey());
            ArrayNode shape = o.putArray("shape");
            for (long d : Tensors.shape(e.getValue())) {
              shape.add(d);
            }
            ArrayNode values = o.putArray("values");
            for (float v : Tensors.toFloats(e.getValue())) {
              values.add(v);
            }
          }
        }
      }
    }
    json.writeValue(Path.of(args[2]).toFile(), out);
  }
}
