package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.settings.Variant;

class GridDefinitionTest {
  @Test
  void thePaperGridIsTheTwelveInThePapersOrder() {
    GridDefinition paper = GridDefinition.load("paper");
    assertEquals("paper", paper.name());
    assertEquals(Variant.all(), paper.variants());
  }

  @Test
  void aGridFileListsItsVariants(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("two.conf");
    Files.writeString(file, "grid { name = two, variants = [scratch-r18-3, shared-r18-2] }\n");
    assertEquals(
        List.of(Variant.parse("scratch-r18-3"), Variant.parse("shared-r18-2")),
        GridDefinition.load(file.toString()).variants());
  }
}
