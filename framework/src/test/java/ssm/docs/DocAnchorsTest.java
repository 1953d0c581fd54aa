package ssm.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every citation of a section of docs/explanation/model.md or docs/explanation/tfjava.md in the
 * sources, configs and docs ({@code model.md#22-backbone-and-fpn}) names a heading that exists,
 * with GitHub's anchor rule.
 */
class DocAnchorsTest {
  private static final Pattern CITATION = Pattern.compile("(model|tfjava)\\.md#([a-z0-9-]+)");
  private static final Set<String> SKIPPED = Set.of(".git", "target", "runs", "fixtures", "shared");

  @Test
  void citedAnchorsExist() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Set<String> model = anchors(root.resolve("docs/explanation/model.md"));
    Set<String> tfjava = anchors(root.resolve("docs/explanation/tfjava.md"));
    List<String> missing = new ArrayList<>();
    int cited = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p) && cited(root, p)).toList()) {
        Matcher m = CITATION.matcher(Files.readString(f));
        while (m.find()) {
          cited++;
          if (!(m.group(1).equals("model") ? model : tfjava).contains(m.group(2))) {
            missing.add(root.relativize(f) + ": " + m.group());
          }
        }
      }
    }
    assertTrue(cited > 50, "only " + cited + " citations found under " + root);
    assertTrue(
        missing.isEmpty(),
        "anchors that docs/explanation/model.md or docs/explanation/tfjava.md lack: " + missing);
  }

  private static boolean cited(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (SKIPPED.contains(part.toString())) {
        return false;
      }
    }
    String name = p.getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".conf");
  }

  /**
   * GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to
   * '-'.
   */
  private static Set<String> anchors(Path doc) throws IOException {
    Set<String> out = new HashSet<>();
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("#")) {
        String text = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        out.add(text.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }
}
