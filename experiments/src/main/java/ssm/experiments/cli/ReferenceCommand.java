package ssm.experiments.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.experiments.reference.ReferenceDocs;

/**
 * {@code ssm reference --out docs/reference} (hidden): writes the reference pages generated from
 * the code (CLI, configuration, TensorBoard tags); {@code GeneratedReferenceTest} checks that the
 * committed ones are what it writes.
 */
@Command(
    name = "reference",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Write the generated reference pages (CLI, configuration, TensorBoard tags).")
final class ReferenceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Folder to write into, e.g. docs/reference.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    for (Map.Entry<String, String> page : ReferenceDocs.pages().entrySet()) {
      Path file = out.resolve(page.getKey());
      Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("wrote " + file);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
