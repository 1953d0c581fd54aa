package ssm.experiments.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import ssm.device.GraphOps;
import ssm.device.KernelCoverage;
import ssm.device.KernelRegistry;
import ssm.device.NativeBuild;

/**
 * Every op and dtype of every regime's training and inference graph has a GPU kernel in TensorFlow
 * Java's GPU natives. Needs those natives, not a GPU; the default (CPU) build skips it with the
 * command that runs it: {@code mvn -Pgpu -B test -pl experiments -am -Dtest=GpuKernelCoverageTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GpuKernelCoverageTest {
  @Test
  void everyOpOfEveryRegimeHasAGpuKernel() {
    assumeTrue(
        NativeBuild.isGpuBuild(),
        "needs the GPU natives, but "
            + NativeBuild.classifier().orElse("none")
            + " is on the class path: mvn -Pgpu -B test "
            + "-pl experiments -am -Dtest=GpuKernelCoverageTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false");
    KernelRegistry kernels = KernelRegistry.loaded();
    assertTrue(
        kernels.count(KernelRegistry.GPU) > 4000,
        "the GPU natives registered only " + kernels.count(KernelRegistry.GPU) + " GPU kernels");
    Map<String, GraphDef> graphs = ModelGraphs.everyRegime();
    List<KernelCoverage.Row> rows =
        KernelCoverage.of(
            kernels,
            GraphOps.merge(graphs.values().stream().map(GraphOps::of).toList()),
            KernelRegistry.GPU);
    assertTrue(rows.size() > 50, "too few ops: " + rows.size());
    assertEquals(
        List.of(),
        KernelCoverage.missing(rows).stream().map(r -> r.signature().toString()).toList(),
        "ops without a GPU kernel");
  }
}
