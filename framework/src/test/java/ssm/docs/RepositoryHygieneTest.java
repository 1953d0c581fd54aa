package ssm.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository speaks of the product: no tracked doc, config or source names an absolute path of
 * one machine, and no doc or config speaks of work sessions (TensorFlow's {@code Session} and code
 * spans are allowed). The fixtures are exempt: their READMEs record provenance.
 */
class RepositoryHygieneTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** An absolute path of one machine: a home folder, the root's, a macOS user, a Windows drive. */
  private static final Pattern MACHINE_PATH =
      Pattern.compile(
          "(?<![\\w.~-])(/work/|/home/[a-z_][\\w-]*/|/root/|/Users/[A-Za-z]|[A-Z]:\\\\[A-Za-z])");

  private static final Set<String> CHECKED =
      Set.of(".md", ".conf", ".java", ".py", ".xml", ".sh", ".txt", ".yml", ".yaml", ".properties");

  /** Technical uses of the word: TensorFlow's Session and the HParams plugin's session records. */
  private static final Pattern TECHNICAL_SESSION =
      Pattern.compile(
          "Session\\.run|Sessions?\\.[a-z]\\w*|TensorFlow(?:'s)? sessions?|HParams sessions?"
              + "|session_(?:start|end)_info|Session(?:Status|StartInfo|EndInfo)|session groups?");

  private static final Pattern SESSION = Pattern.compile("(?i)\\bsessions?\\b");

  @Test
  void noAbsolutePathOfOneMachine() throws IOException {
    List<String> found = new ArrayList<>();
    for (String file : trackedFiles()) {
      if (file.startsWith("fixtures/")
          || file.endsWith("RepositoryHygieneTest.java")
          || !(CHECKED.stream().anyMatch(file::endsWith) || file.equals("ssm"))) {
        continue;
      }
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (MACHINE_PATH.matcher(lines.get(i)).find()) {
          found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(
        List.of(),
        found,
        "absolute paths of one machine in tracked files; use a path relative to the repository");
  }

  @Test
  void docsAndConfigsDoNotSpeakOfSessions() throws IOException {
    List<String> found = new ArrayList<>();
    for (String file : trackedFiles()) {
      if (file.startsWith("fixtures/") || !(file.endsWith(".md") || file.endsWith(".conf"))) {
        continue;
      }
      boolean fenced = false;
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().startsWith("```")) {
          fenced = !fenced;
          continue;
        }
        String prose = TECHNICAL_SESSION.matcher(line.replaceAll("`[^`]*`", "")).replaceAll("");
        if (!fenced && SESSION.matcher(prose).find()) {
          found.add(file + ":" + (i + 1) + ": " + line.strip());
        }
      }
    }
    assertEquals(
        List.of(),
        found,
        "docs and configs speak of the product, not of work sessions; a finding goes to a dated"
            + " entry of docs/log/");
  }

  @Test
  void thePatternsCatchWhatTheyShould() {
    String home = "/ho" + "me/alice/x";
    assertTrue(MACHINE_PATH.matcher("see " + home).find());
    assertTrue(MACHINE_PATH.matcher("C:" + "\\Users").find());
    assertTrue(!MACHINE_PATH.matcher("runs/work/x and ~/.m2/").find());
    assertTrue(SESSION.matcher("the seventh Session").find());
    assertTrue(
        !SESSION
            .matcher(
                TECHNICAL_SESSION.matcher("TensorFlow's session and Session.run").replaceAll(""))
            .find());
  }

  /** The files git tracks, relative to the repository root; every file when git is absent. */
  private static List<String> trackedFiles() throws IOException {
    try {
      Process p =
          new ProcessBuilder("git", "ls-files", "-z")
              .directory(ROOT.toFile())
              .redirectErrorStream(false)
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.length > 0) {
        List<String> files = new ArrayList<>();
        for (String f : new String(out, StandardCharsets.UTF_8).split("\0")) {
          if (!f.isEmpty() && Files.isRegularFile(ROOT.resolve(f))) {
            files.add(f);
          }
        }
        return files;
      }
    } catch (IOException | InterruptedException e) {
      // no git: walk the tree below
    }
    Set<String> skipped = Set.of(".git", "target", "runs", "shared", "node_modules");
    try (Stream<Path> all = Files.walk(ROOT)) {
      return all.filter(Files::isRegularFile)
          .map(ROOT::relativize)
          .filter(r -> r.getNameCount() > 0 && !skipped.contains(r.getName(0).toString()))
          .filter(
              r ->
                  java.util.stream.StreamSupport.stream(r.spliterator(), false)
                      .noneMatch(part -> skipped.contains(part.toString())))
          .map(r -> r.toString().replace('\\', '/'))
          .toList();
    }
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(ROOT.resolve(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
