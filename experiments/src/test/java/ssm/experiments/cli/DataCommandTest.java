package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new DataCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void synthWritesTheLayoutAndStatsReadsIt() {
    Path data = dir.resolve("synth");
    assertEquals(
        0,
        run(
            "synth",
            "--out",
            data.toString(),
            "--seg",
            "5",
            "--cls",
            "6",
            "--size",
            "64",
            "--seed",
            "3"),
        err.toString());
    assertTrue(out.toString().contains("writing synthetic slices: 11/11 (100%)"), out.toString());
    assertTrue(out.toString().contains("seg/train: 4 slices"), out.toString());
    assertTrue(
        out.toString().contains("cls/train.txt 4, cls/val.txt 1, cls/test.txt 1"), out.toString());
    assertTrue(Files.isRegularFile(data.resolve("seg/train/masks/seg_00000.png")));
    assertTrue(Files.isRegularFile(data.resolve("cls/images/0_cls_00000.png")));
    assertEquals(0, run("stats", data.toString()), err.toString());
    assertTrue(out.toString().contains("cls/train.txt: 4 images"), out.toString());
    assertTrue(out.toString().contains("lesion area (px)"), out.toString());
  }

  @Test
  void statsOfAMissingFolderIsOneLineNamingIt() {
    assertEquals(1, run("stats", dir.resolve("nothing").toString()));
    assertTrue(err.toString().startsWith("data stats: " + dir.resolve("nothing")), err.toString());
  }

  @Test
  void tooSmallSizeIsRejected() {
    assertEquals(2, run("synth", "--out", dir.toString(), "--size", "32"));
    assertTrue(err.toString().contains("size = 32 must be at least 64"), err.toString());
  }

  @Test
  void labelsFromMasksLabelsTheSyntheticSegmentationSlicesAndAddsASplit() throws Exception {
    Path data = dir.resolve("synth");
    assertEquals(
        0,
        run("synth", "--out", data.toString(), "--seg", "10", "--cls", "10", "--size", "64"),
        err.toString());
    Path split = dir.resolve("mixed/train.txt");
    assertEquals(
        0,
        run(
            "labels-from-masks",
            data.resolve("seg/train").toString(),
            "--add-split",
            data.resolve("cls/train.txt").toString(),
            "--out",
            split.toString()),
        err.toString());
    java.util.List<String> lines = Files.readAllLines(split);
    // 8 segmentation training slices, then the 6 classification training slices
    assertEquals(14, lines.size());
    assertTrue(out.toString().contains("wrote " + split + ": 14 slices"), out.toString());
    assertTrue(lines.get(0).matches("seg_\\d+\\.png [02] 0 0 64 64 seg"), lines.get(0));
    assertTrue(lines.get(13).endsWith(" cls"), lines.get(13));
    assertTrue(Files.isSymbolicLink(split.resolveSibling("images").resolve("seg_00000.png")));
    assertEquals(1, run("labels-from-masks", "--out", split.toString()));
    assertTrue(err.toString().contains("give a SEGFOLDER or --add-split FILE"), err.toString());
  }
}
