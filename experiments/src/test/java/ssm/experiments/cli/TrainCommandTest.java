package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.experiments.run.DataSources;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;

/**
 * {@code ssm train --out} on a folder that holds a run, without {@code --resume}: refused as a bad
 * argument before anything is written, so the run's split, settings and checkpoints stay exactly as
 * its training left them.
 */
class TrainCommandTest {
  @TempDir Path dir;
  private final CliCapture cli = new CliCapture();

  @Test
  void aFreshRunOverAnExistingRunIsRefusedAndChangesNothing() throws Exception {
    Path seg = dir.resolve("seg");
    Path split = userData(seg, dir.resolve("cls"), 15);
    Path run = dir.resolve("run");
    // an earlier run's folder: its split (seed 1), settings and a checkpoint
    new DataSources(seg, null, null, split, null, null, "user data").withValidationSplit(run, 1);
    Files.writeString(run.resolve("config.conf"), "training.seed = 1\n");
    Path ckpt = Files.createDirectories(run.resolve("checkpoints/ckpt-000000006"));
    Files.writeString(ckpt.resolve("state.json"), "{\"global_step\": 6}");
    Files.write(ckpt.resolve("weights.safetensors"), new byte[] {1, 2, 3});
    Map<String, String> before = fingerprint(run);

    for (List<String> extra : List.of(List.<String>of(), List.of("--set", "training.seed=7"))) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "train",
                  "--profile",
                  "smoke",
                  "--runs",
                  dir.toString(),
                  "--seg-data",
                  seg.toString(),
                  "--cls-data",
                  split.toString(),
                  "--out",
                  run.toString()));
      args.addAll(extra);
      cli.err.getBuffer().setLength(0);
      assertEquals(2, cli.run(args.toArray(String[]::new)), cli.err.toString());
      String err = cli.err.toString();
      assertTrue(err.startsWith("error: " + run), err);
      assertTrue(err.contains("--resume") && err.contains("another --out"), err);
      assertFalse(err.contains("\tat "), err);
      assertEquals(before, fingerprint(run), "the refused command " + args + " changed the run");
    }
  }

  @Test
  void theValidationSplitFollowsItsOwnSeedNotTheTrainingSeed() throws Exception {
    Path seg = dir.resolve("seg");
    Path split = userData(seg, dir.resolve("cls"), 30);
    DataOptions data = new DataOptions();
    data.segData = seg;
    data.clsData = split;
    data.runsRoot = dir;
    Map<String, String> splits = new TreeMap<>();
    for (String set :
        List.of(
            "training.seed = 1",
            "training.seed = 2",
            "training.seed = 1, data.validation-seed = 5")) {
      Settings settings =
          Settings.from(
              ConfigFactory.parseString(set)
                  .withFallback(ConfigFactory.parseResources(SettingsLoader.BASE))
                  .resolve());
      Path run = dir.resolve("run-" + splits.size());
      data.trainingSources(settings, new PrintWriter(new StringWriter()), run);
      splits.put(set, Files.readString(run.resolve("split/split.json")));
    }
    assertEquals(splits.get("training.seed = 1"), splits.get("training.seed = 2"));
    assertNotEquals(
        splits.get("training.seed = 1"), splits.get("training.seed = 1, data.validation-seed = 5"));
  }

  /**
   * 10 segmentation slices without lesions in {@code seg}, and {@code clsSlices} classification
   * slices of the three classes in turn in {@code cls}; returns the classification split file.
   */
  private static Path userData(Path seg, Path cls, int clsSlices) throws Exception {
    for (int i = 0; i < 10; i++) {
      png(seg.resolve("imgs/s" + i + ".png"), i);
      png(seg.resolve("masks/s" + i + ".png"), 0);
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < clsSlices; i++) {
      png(cls.resolve("images/c" + i + ".png"), i);
      lines.add("c" + i + ".png " + (i % 3) + " 0 0 32 32");
    }
    Path split = cls.resolve("train_COVIDx_CT.txt");
    Files.write(split, lines);
    return split;
  }

  private static void png(Path file, int shade) throws Exception {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(shade, shade, 0, 10 * shade);
    ImageIO.write(image, "png", file.toFile());
  }

  /**
   * Every entry under {@code dir}: its SHA-256 (a link: its target), modification time and file
   * key, so a file deleted and written again with the same bytes reads as changed.
   */
  private static Map<String, String> fingerprint(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String content =
            a.isSymbolicLink()
                ? "-> " + Files.readSymbolicLink(p)
                : a.isRegularFile()
                    ? HexFormat.of()
                        .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                    : "dir";
        out.put(
            dir.relativize(p).toString(),
            content + " " + a.lastModifiedTime().toMillis() + " " + a.fileKey());
      }
    }
    return out;
  }
}
