package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.data.DataException;
import ssm.data.DatasetStats;
import ssm.data.MaskLabels;
import ssm.data.synthetic.SyntheticCtGenerator;

/**
 * {@code ssm data}: dataset tools. {@code synth} writes the built-in synthetic chest-CT dataset in
 * the real CNCB-NCOV / COVIDx-CT formats; {@code stats} prints what a dataset holds. Data errors
 * are printed as one line naming the file, with exit code 1.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "Dataset tools: write the synthetic dataset, print dataset statistics, check "
            + "a run's data, label segmentation slices by their masks.",
    subcommands = {
      DataCommand.Synth.class,
      DataCommand.Stats.class,
      DataCheckCommand.class,
      DataCommand.LabelsFromMasks.class
    })
public final class DataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code ssm data synth --out DIR [--seg N] [--cls N] [--size 512] [--seed S]}. */
  @Command(
      name = "synth",
      mixinStandardHelpOptions = true,
      description =
          "Write a synthetic chest-CT dataset: seg/{train,test}/{images,masks}, "
              + "cls/images and cls/{train,val,test}.txt.")
  static final class Synth implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(
        names = "--seg",
        defaultValue = "500",
        description = "segmentation slices, 80%% train / 20%% test (default ${DEFAULT-VALUE})")
    int seg;

    @Option(
        names = "--cls",
        defaultValue = "600",
        description = "classification slices, 60/20/20 train/val/test (default ${DEFAULT-VALUE})")
    int cls;

    @Option(
        names = "--size",
        defaultValue = "512",
        description = "slice size in pixels, at least 64 (default ${DEFAULT-VALUE})")
    int size;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      SyntheticCtGenerator.Options options;
      try {
        options = new SyntheticCtGenerator.Options(seg, cls, size, seed);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("data synth: " + e.getMessage());
        return 2;
      }
      int[] shown = {-1};
      SyntheticCtGenerator.Summary s =
          SyntheticCtGenerator.generate(
              this.out,
              options,
              (done, total) -> {
                int percent = 100 * done / total;
                if (percent != shown[0]) {
                  shown[0] = percent;
                  out.printf("\rwriting synthetic slices: %d/%d (%d%%)", done, total, percent);
                  out.flush();
                }
              });
      if (s.total() > 0) {
        out.println();
      }
      out.printf(
          "wrote %s (size %d, seed %d) in %.1f s, %.1f ms per slice%n",
          this.out,
          size,
          seed,
          s.millis() / 1000.0,
          s.total() == 0 ? 0.0 : (double) s.millis() / s.total());
      out.printf("  seg/train: %d slices (images/ + masks/)%n", s.segTrain());
      out.printf("  seg/test:  %d slices (images/ + masks/)%n", s.segTest());
      out.printf(
          "  cls/images: %d slices; cls/train.txt %d, cls/val.txt %d, cls/test.txt %d%n",
          s.clsTrain() + s.clsVal() + s.clsTest(), s.clsTrain(), s.clsVal(), s.clsTest());
      out.flush();
      return 0;
    }
  }

  /** {@code ssm data stats PATH [--min-area 100]}. */
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description =
          "Decodes every image of a dataset folder (synthetic layout or segmentation "
              + "folder), a split file or a class-prefixed image folder, and prints sizes, colour "
              + "modes, images per class, lesions per slice, lesion areas and sizes at the input "
              + "size, masks not matching their image; exit 1 when a file cannot be decoded.")
  static final class Stats implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "dataset folder or split file")
    Path path;

    @Option(
        names = "--min-area",
        defaultValue = "100",
        description = "a lesion counts when its area is greater (default ${DEFAULT-VALUE})")
    int minArea;

    @Option(
        names = "--input-size",
        defaultValue = "512,1024",
        split = ",",
        paramLabel = "MIN,MAX",
        description =
            "the model's input transform (short side, long side "
                + "at most) at which lesion box sides are reported (default ${DEFAULT-VALUE})")
    int[] inputSize;

    @Override
    public Integer call() {
      try {
        if (inputSize.length != 2) {
          throw new DataException("--input-size", "expected MIN,MAX, e.g. 512,1024");
        }
        DatasetStats.Report r =
            DatasetStats.report(path, minArea, new ssm.data.Resizer(inputSize[0], inputSize[1]));
        spec.commandLine().getOut().print(r.text());
        spec.commandLine().getOut().flush();
        if (!r.unreadable().isEmpty()) {
          spec.commandLine()
              .getErr()
              .printf("data stats: %d unreadable files (listed above)%n", r.unreadable().size());
          return 1;
        }
        return 0;
      } catch (DataException e) {
        spec.commandLine().getErr().println("data stats: " + e.getMessage());
        return 1;
      }
    }
  }

  /**
   * {@code ssm data labels-from-masks SEGFOLDER... [--add-split FILE]... [--min-lesion-fraction F]
   * --out FILE}: segmentation slices as classification slices ({@link MaskLabels}).
   */
  @Command(
      name = "labels-from-masks",
      mixinStandardHelpOptions = true,
      description =
          "Write a COVIDx-CT split file (collection in the 7th column, images/ of links beside "
              + "it) of segmentation slices labelled by their masks: COVID-19 (2) where the "
              + "lesions cover at least --min-lesion-fraction of the slice, Normal (0) elsewhere; "
              + "--add-split appends the slices of split files as they are labelled there.")
  static final class LabelsFromMasks implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "SEGFOLDER",
        arity = "0..*",
        description = "segmentation folders (images/ and masks/)")
    List<Path> folders = new ArrayList<>();

    @Option(
        names = "--add-split",
        paramLabel = "FILE",
        description = "a COVIDx-CT split file whose slices join the output as labelled")
    List<Path> splits = new ArrayList<>();

    @Option(
        names = "--min-lesion-fraction",
        defaultValue = "0.002",
        paramLabel = "F",
        description =
            "share of a slice's pixels in its mask from which it shows visible infection "
                + "(default ${DEFAULT-VALUE})")
    double minLesionFraction;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "split file")
    Path out;

    @Override
    public Integer call() {
      try {
        if (folders.isEmpty() && splits.isEmpty()) {
          throw new DataException("labels-from-masks", "give a SEGFOLDER or --add-split FILE");
        }
        List<MaskLabels.Line> lines = new ArrayList<>();
        for (Path f : folders) {
          lines.addAll(MaskLabels.fromSegmentationFolder(f, minLesionFraction));
        }
        for (Path f : splits) {
          lines.addAll(MaskLabels.fromSplit(f));
        }
        if (out.toAbsolutePath().getParent() != null) {
          java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        }
        MaskLabels.write(lines, out);
        spec.commandLine()
            .getOut()
            .printf(
                "wrote %s: %d slices (%s); images/ beside it links to them%n",
                out, lines.size(), MaskLabels.summary(lines));
        spec.commandLine().getOut().flush();
        return 0;
      } catch (DataException | java.io.IOException e) {
        spec.commandLine().getErr().println("data labels-from-masks: " + e.getMessage());
        return 1;
      }
    }
  }
}
