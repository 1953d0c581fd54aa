package ssm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;
import ssm.model.ParameterGroups;
import ssm.testing.GraphFixture;

/**
 * {@link Weights#loadExcept}: how a Stage I model starts Stage II (S keeps its initial values, so a
 * Stage I file serves an S of any input size); everything else must still fit.
 */
class WeightsLoadExceptTest {
  @TempDir Path dir;

  @Test
  void keptParametersKeepTheirValuesWhateverTheFileHolds() throws IOException {
    Path file = dir.resolve("stage1.safetensors");
    Safetensors.write(
        file,
        Map.of(
            "body.w", new Safetensors.Entry(new long[] {2}, new float[] {3, 4}),
            "s2new.fc.weight", new Safetensors.Entry(new long[] {3}, new float[] {7, 7, 7})),
        Map.of());
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> body = parameter(g, "body.w", Init.ZEROS);
      Operand<TFloat32> s = parameter(g, "s2new.fc.weight", Init.ONES); // 2 values, file has 3
      Weights.loadExcept(g.session(), g.context().parameters(), file, null, ParameterGroups::sHead);
      assertArrayEquals(new float[] {3, 4}, g.fetchFloats(body));
      assertArrayEquals(new float[] {1, 1}, g.fetchFloats(s));
    }
  }

  @Test
  void theOtherParametersMustFit() throws IOException {
    Path file = dir.resolve("other.safetensors");
    Safetensors.write(
        file,
        Map.of("body.w", new Safetensors.Entry(new long[] {3}, new float[] {3, 4, 5})),
        Map.of());
    try (GraphFixture g = new GraphFixture()) {
      parameter(g, "body.w", Init.ZEROS);
      parameter(g, "s2new.fc.weight", Init.ONES);
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  Weights.loadExcept(
                      g.session(), g.context().parameters(), file, null, ParameterGroups::sHead));
      assertTrue(
          e.getMessage().contains("wrong shape: body.w is [3], the model needs [2]"),
          e.getMessage());
    }
  }

  private static Operand<TFloat32> parameter(GraphFixture g, String name, Init init) {
    return g.context().parameters().parameter(name, new long[] {2}, ParameterLayout.IDENTITY, init);
  }
}
