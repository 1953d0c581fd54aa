package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ResizerTest {
  @Test
  void squareAtMinSizeIsReturnedUnchanged() {
    float[] px = new float[512 * 512 * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % 251) / 255f;
    }
    Slice s = Slice.original("a.png", 512, 512, px);
    Slice r = Resizer.defaults().resize(s);
    assertSame(s, r);
    assertEquals(1f, r.scaleX());
    assertEquals(1f, r.scaleY());
  }

  @Test
  void outputSizesFollowShortAndLongSideRules() {
    Resizer r = Resizer.defaults();
    assertArrayEquals(new int[] {512, 512}, r.outputSize(512, 512));
    assertArrayEquals(new int[] {512, 512}, r.outputSize(256, 256)); // upscale 2x
    assertArrayEquals(new int[] {512, 1024}, r.outputSize(512, 1024)); // long side exactly max
    // 300x400: scale 512/300 = 1.7067; 400 * 1.7067 = 682.67 -> 682
    assertArrayEquals(new int[] {512, 682}, r.outputSize(300, 400));
    // 200x1000: 1000 * 2.56 = 2560 > 1024, so scale 1.024: 204.8 -> 204, 1024
    assertArrayEquals(new int[] {204, 1024}, r.outputSize(200, 1000));
  }

  @Test
  void twoTimesDownscaleAveragesEachTwoByTwoBlock() {
    // 4 -> 2: src = (dst + 0.5) * 2 - 0.5 = 0.5, 2.5; neighbours (0,1) and (2,3), weights 1/2
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i; // v(y, x) = 4y + x
    }
    float[] out = Resizer.bilinear(in, 4, 4, 1, 2, 2);
    // (0+1+4+5)/4 = 2.5, (2+3+6+7)/4 = 4.5, (8+9+12+13)/4 = 10.5, (10+11+14+15)/4 = 12.5
    assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, out, 0f);
  }

  @Test
  void twoTimesUpscaleClampsAtTheBorder() {
    // 2 -> 4: src = (dst + 0.5) / 2 - 0.5 = -0.25 (clamped 0), 0.25, 0.75, 1.25 (upper nb clamped)
    float[] out = Resizer.bilinear(new float[] {0f, 8f}, 1, 2, 1, 1, 4);
    assertArrayEquals(new float[] {0f, 2f, 6f, 8f}, out, 0f);
  }

  @Test
  void sliceResizeKeepsOriginalSizeAndScales() {
    Slice s = Slice.original("a.png", 256, 128, new float[256 * 128 * 3]);
    Slice r = Resizer.defaults().resize(s); // short side 128 -> 512: scale 4, long 1024
    assertEquals(1024, r.height());
    assertEquals(512, r.width());
    assertEquals(256, r.originalHeight());
    assertEquals(4f, r.scaleX());
    assertEquals(4f, r.scaleY());
  }

  @Test
  void nearestUsesFloorOfScaledIndex() {
    byte[] in = {0, 1, 2, 3};
    assertArrayEquals(new byte[] {0, 2}, Resizer.nearest(in, 1, 4, 1, 2)); // floor(0*2), floor(1*2)
    assertArrayEquals(new byte[] {0, 1}, Resizer.nearest(new byte[] {0, 1, 2}, 1, 3, 1, 2)); // 1.5
    assertArrayEquals(new byte[] {0, 0, 1, 1}, Resizer.nearest(new byte[] {0, 1}, 1, 2, 1, 4));
  }
}
