package ssm.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.GraphDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.device.CudaLibraries;
import ssm.device.Determinism;
import ssm.device.Devices;
import ssm.device.GpuDeterminism;
import ssm.device.GraphOps;
import ssm.device.KernelCoverage;
import ssm.device.KernelRegistry;
import ssm.device.NativeBuild;
import ssm.experiments.device.CpuFeatures;
import ssm.experiments.device.ModelGraphs;

/**
 * {@code ssm doctor}: what this set-up runs on (Java, TensorFlow, natives, CPU features, oneDNN,
 * determinism, the GPUs TensorFlow sees or why none), and with {@code --graph} whether every op of
 * every regime's training and inference graph has a GPU kernel (docs/how-to/gpu.md).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check the set-up: Java, TensorFlow and its natives, CPU features, oneDNN, "
          + "determinism, the GPUs TensorFlow sees (or why none).",
      "--graph: list every op and dtype of the training and inference graphs of every regime "
          + "with whether a GPU kernel is registered (needs the GPU natives)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every check passed (--graph: every op has a GPU kernel)",
      "1:--graph: an op has no GPU kernel (each is named)",
      "3:--graph needs the GPU natives (SSM_MAVEN_OPTS=-Pgpu ./ssm doctor --graph)"
    })
final class DoctorCommand implements Callable<Integer> {
  /** Exit code of {@code --graph} with the CPU natives. */
  static final int EXIT_NEEDS_GPU_BUILD = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--graph",
      description = "Also check GPU kernel coverage and determinism of the model's graphs.")
  boolean graph;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    setup(out);
    devices(out);
    out.flush();
    if (!graph) {
      return 0;
    }
    if (!NativeBuild.isGpuBuild()) {
      spec.commandLine()
          .getErr()
          .printf(
              "error: --graph needs TensorFlow's GPU natives (%s); "
                  + "%s is on the class path: run SSM_MAVEN_OPTS=-Pgpu ./ssm doctor --graph (a 490 MB "
                  + "download the first time; no GPU needed)%n",
              NativeBuild.GPU_CLASSIFIER, NativeBuild.classifier().orElse("none"));
      return EXIT_NEEDS_GPU_BUILD;
    }
    return coverage(out);
  }

  private static void setup(PrintWriter out) {
    String cpuinfo = CpuFeatures.read();
    out.printf(
        "java         %s (%s), %s%n",
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("java.home"));
    out.printf(
        "tensorflow   %s (TensorFlow Java %s), natives %s%n",
        TensorFlow.version(),
        VersionProvider.TENSORFLOW_JAVA,
        NativeBuild.classifier().orElse("not found"));
    StringBuilder features = new StringBuilder();
    CpuFeatures.of(cpuinfo).forEach((k, v) -> features.append(k).append(v ? " yes, " : " no, "));
    out.printf(
        "cpu          %s, %d cores; %s%n",
        CpuFeatures.model(cpuinfo),
        Runtime.getRuntime().availableProcessors(),
        features.length() == 0 ? "features unknown" : features.substring(0, features.length() - 2));
    out.printf("onednn       TF_ENABLE_ONEDNN_OPTS=%s%n", env("TF_ENABLE_ONEDNN_OPTS"));
    out.printf(
        "determinism  %s=%s (%s)%n",
        Determinism.ENV, env(Determinism.ENV), Determinism.requested() ? "on" : "off");
  }

  private static void devices(PrintWriter out) {
    out.printf("device       --device %s%n", Devices.choice());
    if (!NativeBuild.isGpuBuild()) {
      out.println(
          "gpus         none: the CPU natives are on the class path (GPU: "
              + "SSM_MAVEN_OPTS=-Pgpu ./ssm doctor, docs/how-to/gpu.md)");
      return;
    }
    List<Devices.Device> gpus =
        Devices.list(Devices.sessionConfig()).stream().filter(d -> d.type().equals("GPU")).toList();
    for (Devices.Device d : gpus) {
      out.printf(
          "gpu          %s, %.1f GiB available to TensorFlow%n",
          d.name(), d.memoryBytes() / (double) (1L << 30));
    }
    NvidiaSmi.query().forEach(line -> out.println("nvidia-smi   " + line));
    if (gpus.isEmpty()) {
      out.println("gpus         none seen by TensorFlow. " + CudaLibraries.diagnosis());
    }
    for (CudaLibraries.Library l : CudaLibraries.NEEDED) {
      out.printf(
          "cuda lib     %-18s %s%n",
          l.file(),
          CudaLibraries.find(l.file())
              .map(Object::toString)
              .orElse("NOT FOUND (" + l.what() + "; needs " + l.needs() + ")"));
    }
  }

  /** The coverage list and the determinism findings; 1 when an op lacks a GPU kernel. */
  private int coverage(PrintWriter out) {
    KernelRegistry kernels = KernelRegistry.loaded();
    out.println();
    out.println("building the training and inference graphs of every regime...");
    out.flush();
    Map<String, GraphDef> graphs = ModelGraphs.everyRegime();
    List<List<GraphOps.Signature>> each = new ArrayList<>();
    graphs.forEach((name, g) -> each.add(GraphOps.of(g)));
    List<KernelCoverage.Row> rows =
        KernelCoverage.of(kernels, GraphOps.merge(each), KernelRegistry.GPU);
    out.printf("%nGPU kernel coverage of %s:%n", String.join(", ", graphs.keySet()));
    for (KernelCoverage.Row r : rows) {
      out.printf("  %-14s %-60s %6d nodes%n", r.status(), r.signature(), r.signature().nodes());
    }
    List<GpuDeterminism.Finding> findings = GpuDeterminism.findings(List.copyOf(graphs.values()));
    out.printf("%nunder TF_DETERMINISTIC_OPS=1 on a GPU (%d):%n", findings.size());
    findings.forEach(f -> out.println("  " + f));
    List<KernelCoverage.Row> missing = KernelCoverage.missing(rows);
    out.printf(
        "%n%d op/dtype combinations, %d without a GPU kernel%n", rows.size(), missing.size());
    out.flush();
    if (missing.isEmpty()) {
      return 0;
    }
    spec.commandLine()
        .getErr()
        .println(
            "error: no GPU kernel for "
                + String.join(
                    ", ",
                    missing.stream()
                        .map(
                            r ->
                                r.signature() + " (e.g. " + r.signature().example().getName() + ")")
                        .toList())
                + "; they would run on the CPU in a GPU run");
    return 1;
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "(unset)" : v;
  }
}
