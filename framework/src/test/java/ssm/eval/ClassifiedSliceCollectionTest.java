package ssm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.CovidxSplit;
import ssm.predict.Prediction;

/** An evaluation records each classification slice's collection as its split file names it. */
class ClassifiedSliceCollectionTest {
  @Test
  void theSeventhColumnNamesTheCollectionElseTheFileName(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("images"));
    for (String name : new String[] {"s_1.png", "s_2.png", "b_1.png"}) {
      ImageIO.write(
          new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY),
          "png",
          dir.resolve("images/" + name).toFile());
    }
    Path split =
        Files.write(
            dir.resolve("test.txt"),
            List.of("s_1.png 0 0 0 8 8 north", "s_2.png 2 0 0 8 8 south", "b_1.png 2 0 0 8 8"));
    SlicePredictor model =
        s ->
            new Prediction(
                s.id(), 8, 8, new float[] {1, 0, 0}, new float[] {1, 0, 0}, List.of(), null);
    Evaluation e =
        new Evaluator(model, Evaluator.Options.quiet()).evaluate(null, CovidxSplit.open(split));
    assertEquals(
        List.of("north", "south", "b"),
        e.classifiedSlices().stream().map(ClassifiedSlice::collection).toList());
  }
}
