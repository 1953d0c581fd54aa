package ssm.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.graph.Parameter;
import ssm.model.ParameterCount;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * {@code model.classifier.image-features} (docs/explanation/model.md#27-image-classifier-s): S
 * reads the flattened RoI batch followed by the feature map's spatial mean, standardised, checked
 * against the same arithmetic in Java on S's own initial weights; and the parameters it adds.
 */
class SHeadImageFeaturesTest {
  /** The means, standardised by the initial running statistics (mean 0, variance 1). */
  private static final float ROOT = (float) Math.sqrt(1 + 1e-5);

  private static ModelSettings settings(boolean imageFeatures, boolean roiBatch) {
    Config c =
        TestSettings.base()
            .withValue(
                "model.classifier.image-features", ConfigValueFactory.fromAnyRef(imageFeatures))
            .withValue("model.classifier.roi-batch", ConfigValueFactory.fromAnyRef(roiBatch));
    return ModelSettings.from(c.getConfig("model"));
  }

  private static ModelSettings small(boolean roiBatch) {
    Config c =
        TestSettings.base()
            .withValue("model.classifier.image-features", ConfigValueFactory.fromAnyRef(true))
            .withValue("model.classifier.roi-batch", ConfigValueFactory.fromAnyRef(roiBatch))
            .withValue("model.classifier.rois", ConfigValueFactory.fromAnyRef(2))
            .withValue("model.classifier.hidden", ConfigValueFactory.fromAnyRef(4));
    return ModelSettings.from(c.getConfig("model"));
  }

  private static final float[] ROWS = {
    0.9f, 0.1f, -0.2f, 0.3f, 0.0f, 0.5f, -0.1f, 0.2f, 0.0f, 0.4f
  };

  /** [1, 2, 2, 3]: channel c at pixel p is c + p / 4 (p = 0..3), so the means are 0.375 + c. */
  private static float[] featureMap() {
    float[] map = new float[12];
    for (int p = 0; p < 4; p++) {
      for (int c = 0; c < 3; c++) {
        map[p * 3 + c] = c + p / 4f;
      }
    }
    return map;
  }

  @Test
  void logitsReadTheBatchThenTheSpatialMeanOfTheFeatures() {
    float[] rows = ROWS;
    float[] map = featureMap();
    SHead head = new SHead(small(true).classifier(), 3);
    assertEquals(13, head.inputs());
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> mean = SHead.featureMean(g.tf(), g.constant(map, 1, 2, 2, 3));
      Operand<TFloat32> logits =
          head.apply(g.context(), g.tf(), g.constant(rows, 2, 5), mean).logits();
      Map<String, Parameter> params = new TreeMap<>();
      g.context().parameters().all().forEach(p -> params.put(p.name(), p));
      float[] actual = g.fetchFloats(logits);
      assertArrayEquals(new float[] {0.375f, 1.375f, 2.375f}, g.fetchFloats(mean), 1e-6f);

      float[] x = {
        rows[0],
        rows[1],
        rows[2],
        rows[3],
        rows[4],
        rows[5],
        rows[6],
        rows[7],
        rows[8],
        rows[9],
        0.375f / ROOT,
        1.375f / ROOT,
        2.375f / ROOT
      };
      x = layer(g, params, "s2new.fc_scores", x, 4, true);
      x = layer(g, params, "s2new.fc_scores_2", x, 4, true);
      float[] expected = layer(g, params, "s2new.fc_scores_img", x, 3, false);
      assertArrayEquals(expected, actual, 1e-5f);
    }
  }

  @Test
  void withoutTheRoiBatchSReadsTheStandardisedMeanAlone() {
    SHead head = new SHead(small(false).classifier(), 3);
    assertEquals(3, head.inputs());
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> mean = SHead.featureMean(g.tf(), g.constant(featureMap(), 1, 2, 2, 3));
      Operand<TFloat32> logits =
          head.apply(g.context(), g.tf(), g.constant(ROWS, 2, 5), mean).logits();
      Map<String, Parameter> params = new TreeMap<>();
      g.context().parameters().all().forEach(p -> params.put(p.name(), p));
      float[] actual = g.fetchFloats(logits);
      float[] x = {0.375f / ROOT, 1.375f / ROOT, 2.375f / ROOT};
      x = layer(g, params, "s2new.fc_scores", x, 4, true);
      x = layer(g, params, "s2new.fc_scores_2", x, 4, true);
      assertArrayEquals(layer(g, params, "s2new.fc_scores_img", x, 3, false), actual, 1e-5f);
    }
  }

  @Test
  void sMustReadSomething() {
    Config c =
        TestSettings.base()
            .withValue("model.classifier.roi-batch", ConfigValueFactory.fromAnyRef(false));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelSettings.from(c.getConfig("model")));
    assertTrue(e.getMessage().contains("model.classifier.roi-batch = false"), e.getMessage());
  }

  /** y = x W + b (W fetched in its TF layout [in, out]), ReLU if asked. */
  private static float[] layer(
      GraphFixture g,
      Map<String, Parameter> params,
      String name,
      float[] x,
      int out,
      boolean relu) {
    float[] w = g.fetchFloats(params.get(name + ".weight").variable());
    float[] b = g.fetchFloats(params.get(name + ".bias").variable());
    assertEquals(x.length * out, w.length, name + " weight size");
    float[] y = new float[out];
    for (int o = 0; o < out; o++) {
      double sum = b[o];
      for (int i = 0; i < x.length; i++) {
        sum += x[i] * w[i * out + o];
      }
      y[o] = relu ? (float) Math.max(0, sum) : (float) sum;
    }
    return y;
  }

  @Test
  void addsOneRowOfFirstLayerWeightsPerFeatureChannel() {
    // fc_scores grows from 640 to 640 + 256 inputs: 256 x 512 = 131,072 more parameters, all of
    // them S's (trained in the classification step)
    ParameterCount paper =
        ParameterCount.of(ModelWiring.model(settings(false, true), Regime.SCRATCH));
    ParameterCount extended =
        ParameterCount.of(ModelWiring.model(settings(true, true), Regime.SCRATCH));
    assertEquals(8_267_759, paper.total());
    assertEquals(8_267_759 + 131_072, extended.total());
    assertEquals(4_031_043 + 131_072, extended.classificationStep());
    // without the RoI batch fc_scores reads the 256 means only: 640 x 512 = 327,680 fewer
    ParameterCount meanOnly =
        ParameterCount.of(ModelWiring.model(settings(true, false), Regime.SCRATCH));
    assertEquals(8_267_759 + 131_072 - 327_680, meanOnly.total());
  }
}
