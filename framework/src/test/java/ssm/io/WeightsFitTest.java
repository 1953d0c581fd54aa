package ssm.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;
import ssm.testing.GraphFixture;

/** What {@link Weights#load} says when a file does not fit the model. */
class WeightsFitTest {
  @TempDir Path dir;

  @Test
  void aFileWithoutSsFeatureStatisticsNamesTheSetting() throws IOException {
    Path file = write("s2new.fc_scores.weight", 3);
    try (GraphFixture g = new GraphFixture()) {
      parameter(g, "s2new.fc_scores.weight", 4);
      g.context()
          .parameters()
          .buffer("s2new.feature_norm.running_mean", new long[] {1}, Init.ZEROS);
      String message = loadFailure(g, file);
      assertTrue(
          message.contains("wrong shape: s2new.fc_scores.weight is [3], the model needs [4]"));
      assertTrue(message.contains("missing: s2new.feature_norm.running_mean [1]"), message);
      assertTrue(message.contains("another model.classifier.image-features"), message);
    }
  }

  @Test
  void anotherVariantsFileDoesNotMentionTheSetting() throws IOException {
    Path file = write("body.w", 3);
    try (GraphFixture g = new GraphFixture()) {
      parameter(g, "body.w", 2);
      String message = loadFailure(g, file);
      assertTrue(message.contains("wrong shape: body.w is [3], the model needs [2]"), message);
      assertTrue(message.contains("is it the weights of another variant?"), message);
      assertFalse(message.contains("image-features"), message);
    }
  }

  private Path write(String name, int size) throws IOException {
    Path file = dir.resolve("weights.safetensors");
    Safetensors.write(
        file, Map.of(name, new Safetensors.Entry(new long[] {size}, new float[size])), Map.of());
    return file;
  }

  private static void parameter(GraphFixture g, String name, int size) {
    g.context()
        .parameters()
        .parameter(name, new long[] {size}, ParameterLayout.IDENTITY, Init.ZEROS);
  }

  private static String loadFailure(GraphFixture g, Path file) {
    return assertThrows(
            IOException.class, () -> Weights.load(g.session(), g.context().parameters(), file))
        .getMessage();
  }
}
