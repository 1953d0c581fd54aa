package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.events.EventFileWriter;

class RunsCommandTest {
  @TempDir Path dir;

  private static void run(Path d, boolean finished, double slope) throws Exception {
    Files.createDirectories(d);
    Files.writeString(d.resolve("config.conf"), "variant = scratch-r18-2\n");
    try (EventFileWriter w = new EventFileWriter(d, "", Duration.ofSeconds(2))) {
      for (int step = 1; step <= 40; step++) {
        w.scalar("loss/total", step, 2.0 - slope * step);
        w.scalar("loss/mask", step, 1.0 - slope * step / 2);
      }
      w.scalars(20, Map.of("eval/f1", 0.5 + slope, "eval/ap", 0.25));
      w.scalars(40, Map.of("eval/f1", 0.4, "eval/ap", 0.5 + slope));
    }
    if (finished) {
      Files.writeString(d.resolve("weights.safetensors"), "x");
    }
  }

  @Test
  void summarisesAGridAndPlotsEachTagFamilyWithTheRunsOverlaid() throws Exception {
    run(dir.resolve("grid/scratch-r18-2"), true, 0.02);
    run(dir.resolve("grid/shared-r18-2"), false, 0.01);
    Files.createDirectories(dir.resolve("grid/data/synthetic")); // not a run
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));

    assertEquals(0, cl.execute("runs", dir.resolve("grid").toString()), err.toString());

    String text = out.toString();
    // loss/total ends at 2.0 - 0.02 * 40 = 1.2; eval/f1 is best (0.52) at step 20, eval/ap at 40
    assertTrue(text.contains("| scratch-r18-2 | finished | 40 | 1.2000 |"), text);
    assertTrue(text.contains("| shared-r18-2 | interrupted | 40 | 1.6000 |"), text);
    assertTrue(text.contains("| 0.5200 (20) | 0.5200 (40) |"), text);
    assertTrue(
        text.contains(
            "| scratch-r18-2 | loss/mask | 40 | 0.9900 | 0.6000 | 0.6000 " + "| 0.9900 |"),
        text);
    assertTrue(!text.contains("synthetic"), text);

    for (String family : new String[] {"loss", "eval"}) {
      Path png = dir.resolve("grid/plots/" + family + ".png");
      BufferedImage img = ImageIO.read(png.toFile());
      // two tags per family: two panels side by side, one legend row for two runs
      assertEquals(2 * 480, img.getWidth(), family);
      assertEquals(30 + 300 + 10 + 18 + 10, img.getHeight(), family);
      assertTrue(pixels(img, 0x1f77b4) > 100, family + ": the first run's curve is drawn");
      assertTrue(pixels(img, 0xff7f0e) > 100, family + ": the second run's curve is drawn");
    }
  }

  private static int pixels(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void aFolderWithoutRunsIsNamed() {
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    assertEquals(1, cl.execute("runs", dir.toString()));
    assertTrue(err.toString().contains(dir + " holds no runs"), err.toString());
  }
}
