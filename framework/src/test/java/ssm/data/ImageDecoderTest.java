package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
  @TempDir Path dir;

  @Test
  void eightBitGreyIsValueOver255ReplicatedToRgb() {
    Slice s = ImageDecoder.decode(TestImages.grey(dir.resolve("g.png"), 2, 1, new int[] {0, 128}));
    assertEquals(2, s.width());
    assertEquals(1, s.height());
    assertEquals(128 / 255f, s.pixel(0, 1, 0), 0f);
    assertEquals(128 / 255f, s.pixel(0, 1, 2), 0f);
    assertEquals(0f, s.pixel(0, 0, 1), 0f);
  }

  @Test
  void sixteenBitGreyIsValueOver65535() {
    Slice s = ImageDecoder.decode(TestImages.grey16(dir.resolve("g.png"), 1, 1, new int[] {1000}));
    assertEquals(1000 / 65535f, s.pixel(0, 0, 1), 0f);
  }

  @Test
  void rgbKeepsChannelOrder() {
    Slice s = ImageDecoder.decode(TestImages.rgb(dir.resolve("c.png"), 1, 1, new int[] {0x0A141E}));
    assertEquals(10 / 255f, s.pixel(0, 0, 0), 0f);
    assertEquals(20 / 255f, s.pixel(0, 0, 1), 0f);
    assertEquals(30 / 255f, s.pixel(0, 0, 2), 0f);
  }

  @Test
  void greyJpegDecodes() {
    Slice s = ImageDecoder.decode(TestImages.filled(dir.resolve("j.jpg"), 8, 8, 100));
    assertEquals(100 / 255f, s.pixel(3, 3, 0), 2 / 255f);
  }

  @Test
  void garbageFileNamesTheFile() throws Exception {
    Path f = Files.write(dir.resolve("slice_0001.png"), new byte[] {1, 2, 3, 4, 5});
    DataException e = assertThrows(DataException.class, () -> ImageDecoder.decode(f));
    assertEquals("slice_0001.png: not a readable PNG or JPEG image", e.getMessage());
  }

  @Test
  void truncatedPngNamesTheFile() throws Exception {
    Path good = TestImages.filled(dir.resolve("full.png"), 64, 64, 7);
    byte[] bytes = Files.readAllBytes(good);
    Path f = Files.write(dir.resolve("slice_0002.png"), java.util.Arrays.copyOf(bytes, 40));
    DataException e = assertThrows(DataException.class, () -> ImageDecoder.decode(f));
    assertTrue(e.getMessage().startsWith("slice_0002.png: cannot decode image"), e.getMessage());
  }

  @Test
  void missingFileNamesTheFile() {
    DataException e =
        assertThrows(DataException.class, () -> ImageDecoder.decode(dir.resolve("nope.png")));
    assertTrue(e.getMessage().startsWith("nope.png: file does not exist"), e.getMessage());
  }
}
