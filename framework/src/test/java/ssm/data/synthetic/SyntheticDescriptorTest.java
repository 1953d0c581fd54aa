package ssm.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDescriptorTest {
  private static final SyntheticCtGenerator.Options OPTIONS =
      new SyntheticCtGenerator.Options(5, 4, 64, -7);

  @Test
  void theGeneratorWritesItsDescriptor(@TempDir Path dir) throws Exception {
    SyntheticCtGenerator.generate(dir, OPTIONS, (d, t) -> {});
    assertTrue(Files.isRegularFile(dir.resolve(SyntheticDescriptor.FILE)));
    SyntheticDescriptor d = SyntheticDescriptor.read(dir).orElseThrow();
    assertEquals(new SyntheticDescriptor("synthetic", "ssm data synth", -7, 64, 5, 4), d);
    assertTrue(Files.readString(dir.resolve("dataset.json")).contains("\"seed\" : -7"));
  }

  @Test
  void aDataSetOfTheEarlierGeneratorIsKnownByItsReadme(@TempDir Path dir) throws Exception {
    SyntheticCtGenerator.generate(dir, OPTIONS, (d, t) -> {});
    Files.delete(dir.resolve(SyntheticDescriptor.FILE));
    assertEquals(Optional.of(SyntheticDescriptor.of(OPTIONS)), SyntheticDescriptor.read(dir));
  }

  @Test
  void otherFoldersHaveNone(@TempDir Path dir) throws Exception {
    assertEquals(Optional.empty(), SyntheticDescriptor.read(dir));
    Files.writeString(dir.resolve("README.txt"), "CNCB-NCOV, seg 5, cls 4, size 64, seed 1.\n");
    assertEquals(Optional.empty(), SyntheticDescriptor.read(dir));
  }

  @Test
  void aBrokenDescriptorNamesItsFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(SyntheticDescriptor.FILE), "{\"kind\": \"real\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SyntheticDescriptor.read(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("dataset.json").toString()), e.getMessage());
  }

  @Test
  void keysOfALaterGeneratorAreIgnored(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(SyntheticDescriptor.FILE),
        "{\"kind\": \"synthetic\", \"generator\": \"ssm data synth\", \"seed\": 2,"
            + " \"size\": 96, \"seg\": 10, \"cls\": 15, \"lesion_model\": \"v2\"}");
    assertEquals(96, SyntheticDescriptor.read(dir).orElseThrow().size());
  }
}
