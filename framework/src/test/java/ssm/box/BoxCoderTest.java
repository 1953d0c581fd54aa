package ssm.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;
import ssm.testing.ReferenceFixture;

class BoxCoderTest {
  @Test
  void decodeByHand() {
    // reference [0, 0, 10, 20]: w 10, h 20, centre (5, 10); weights (10, 10, 5, 5);
    // deltas (10, -20, 5 ln 2, 0) -> dx 1, dy -2, dw ln 2, dh 0:
    // centre (1 * 10 + 5, -2 * 20 + 10) = (15, -30), size (20, 20) -> [5, -40, 25, -20]
    try (GraphFixture g = new GraphFixture()) {
      float[] box =
          g.run(
              tf ->
                  new BoxCoder(10, 10, 5, 5)
                      .decode(
                          tf, g.boxes(10, -20, 5 * (float) Math.log(2), 0), g.boxes(0, 0, 10, 20)));
      assertArrayEquals(new float[] {5, -40, 25, -20}, box, 1e-5f);
    }
  }

  @Test
  void decodeClampsWidthFromAboveAfterDividingByTheWeight() {
    // reference [0, 0, 1, 1]; t2 = 5 * 100 -> dw = 100 clamps to ln(62.5), w = 62.5;
    // t3 = -5 * 100 -> dh = -100 is not clamped from below: h = e^-100 ~ 0.
    // centre (0.5, 0.5) -> [0.5 - 31.25, 0.5, 0.5 + 31.25, 0.5]
    try (GraphFixture g = new GraphFixture()) {
      float[] box =
          g.run(
              tf ->
                  new BoxCoder(10, 10, 5, 5)
                      .decode(tf, g.boxes(0, 0, 500, -500), g.boxes(0, 0, 1, 1)));
      assertArrayEquals(new float[] {-30.75f, 0.5f, 31.75f, 0.5f}, box, 1e-4f);
    }
  }

  @Test
  void encodeThenDecodeRoundTrips() {
    float[] reference = {0, 0, 10, 20, 100.5f, 50, 140, 61, -5, -7, 3, 2};
    float[] targets = {2, -3, 14, 15, 90, 55, 160, 58, -4, -9, 8, 1};
    try (GraphFixture g = new GraphFixture()) {
      BoxCoder coder = new BoxCoder(10, 10, 5, 5);
      float[] back =
          g.run(
              tf ->
                  coder.decode(
                      tf,
                      coder.encode(tf, g.boxes(targets), g.boxes(reference)),
                      g.boxes(reference)));
      assertArrayEquals(targets, back, 1e-4f);
    }
  }

  @Test
  void encodeByHand() {
    // reference [0, 0, 10, 20] (centre 5, 10), target [10, 0, 30, 20] (centre 20, 10, w 20):
    // dx = 1 * 15 / 10 = 1.5, dy = 0, dw = ln 2, dh = 0
    try (GraphFixture g = new GraphFixture()) {
      float[] d =
          g.run(
              tf ->
                  new BoxCoder(1, 1, 1, 1)
                      .encode(tf, g.boxes(10, 0, 30, 20), g.boxes(0, 0, 10, 20)));
      assertArrayEquals(new float[] {1.5f, 0, (float) Math.log(2), 0}, d, 1e-6f);
    }
  }

  @Test
  void decodesReferenceTop10() {
    // Golden numbers: rpn.top10 of every fixture image (anchor + raw deltas -> unclipped box).
    for (JsonNode image : ReferenceFixture.expected().get("images")) {
      JsonNode top = image.get("rpn").get("top10");
      int n = top.size();
      float[] anchors = new float[4 * n];
      float[] deltas = new float[4 * n];
      float[] expected = new float[4 * n];
      for (int i = 0; i < n; i++) {
        System.arraycopy(ReferenceFixture.floats(top.get(i).get("anchor")), 0, anchors, 4 * i, 4);
        System.arraycopy(ReferenceFixture.floats(top.get(i).get("deltas")), 0, deltas, 4 * i, 4);
        System.arraycopy(ReferenceFixture.floats(top.get(i).get("decoded")), 0, expected, 4 * i, 4);
      }
      try (GraphFixture g = new GraphFixture()) {
        float[] got =
            g.run(tf -> new BoxCoder(1, 1, 1, 1).decode(tf, g.boxes(deltas), g.boxes(anchors)));
        assertEquals(40, got.length);
        assertArrayEquals(expected, got, 1e-3f, image.get("file").asText());
      }
    }
  }
}
