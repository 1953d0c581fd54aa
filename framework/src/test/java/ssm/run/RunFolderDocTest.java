package ssm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/reference/run-folder.md names every file {@link RunFolder} names. */
class RunFolderDocTest {
  @Test
  void theReferencePageNamesEveryFileOfTheRunFolder() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "reference", "run-folder.md"));
    List<String> missing = new ArrayList<>();
    for (Field f : RunFolder.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
        f.setAccessible(true);
        String name = (String) f.get(null);
        if (!page.contains(name)) {
          missing.add(name);
        }
      }
    }
    assertEquals(
        List.of(), missing, "files of RunFolder missing from docs/reference/run-folder.md");
  }
}
