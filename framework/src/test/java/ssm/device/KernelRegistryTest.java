package ssm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.KernelDef;
import org.tensorflow.proto.KernelList;
import org.tensorflow.proto.NodeDef;

class KernelRegistryTest {
  private static KernelDef kernel(String op, String device, String attr, DataType... types) {
    KernelDef.Builder k = KernelDef.newBuilder().setOp(op).setDeviceType(device);
    if (attr != null) {
      k.addConstraint(
          KernelDef.AttrConstraint.newBuilder()
              .setName(attr)
              .setAllowedValues(
                  AttrValue.newBuilder()
                      .setList(
                          AttrValue.ListValue.newBuilder().addAllType(java.util.List.of(types)))));
    }
    return k.build();
  }

  private static NodeDef node(String op, String attr, DataType type) {
    return NodeDef.newBuilder()
        .setName("n")
        .setOp(op)
        .putAttr(attr, AttrValue.newBuilder().setType(type).build())
        .build();
  }

  // A registry like TensorFlow's for three ops: NMS V5 CPU only, Slice float on GPU with int32
  // on DEFAULT (host memory), Conv float on GPU.
  private final KernelRegistry registry =
      new KernelRegistry(
          KernelList.newBuilder()
              .addKernel(kernel("NonMaxSuppressionV5", "CPU", "T", DataType.DT_FLOAT))
              .addKernel(kernel("Slice", "GPU", "T", DataType.DT_FLOAT))
              .addKernel(kernel("Slice", "DEFAULT", "T", DataType.DT_INT32))
              .addKernel(kernel("Conv", "GPU", "T", DataType.DT_FLOAT, DataType.DT_HALF))
              .build());

  @Test
  void aKernelMatchesWhenItsTypeConstraintAdmitsTheNode() {
    assertTrue(registry.kernelFor(node("Conv", "T", DataType.DT_HALF), "GPU").isPresent());
    assertFalse(registry.kernelFor(node("Conv", "T", DataType.DT_INT64), "GPU").isPresent());
  }

  @Test
  void anOpWithOnlyACpuKernelHasNoneOnTheGpu() {
    NodeDef nms = node("NonMaxSuppressionV5", "T", DataType.DT_FLOAT);
    assertTrue(registry.kernelFor(nms, "CPU").isPresent());
    assertFalse(registry.kernelFor(nms, "GPU").isPresent());
  }

  @Test
  void defaultKernelsServeEveryDevice() {
    // Slice(int32) has no GPU kernel of its own; TensorFlow uses the DEFAULT one.
    KernelDef k = registry.kernelFor(node("Slice", "T", DataType.DT_INT32), "GPU").orElseThrow();
    assertEquals("DEFAULT", k.getDeviceType());
    assertEquals(
        "GPU",
        registry
            .kernelFor(node("Slice", "T", DataType.DT_FLOAT), "GPU")
            .orElseThrow()
            .getDeviceType());
  }

  @Test
  void aLabelledKernelServesOnlyNodesThatAskForIt() {
    KernelRegistry labelled =
        new KernelRegistry(
            KernelList.newBuilder()
                .addKernel(
                    kernel("Relu", "GPU", "T", DataType.DT_FLOAT).toBuilder().setLabel("fast"))
                .build());
    NodeDef plain = node("Relu", "T", DataType.DT_FLOAT);
    assertFalse(labelled.kernelFor(plain, "GPU").isPresent());
    NodeDef asking =
        plain.toBuilder()
            .putAttr(
                "_kernel", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("fast")).build())
            .build();
    assertTrue(labelled.kernelFor(asking, "GPU").isPresent());
  }

  @Test
  void theLoadedLibraryRegistersCpuKernels() {
    // The real registry: whatever the natives, MatMul(float) has a CPU kernel; its GPU kernel
    // only in the GPU natives (TensorFlow 2.16.2: 4,966 GPU kernels there, 423 in the CPU ones).
    KernelRegistry loaded = KernelRegistry.loaded();
    NodeDef matMul = node("MatMul", "T", DataType.DT_FLOAT);
    assertTrue(loaded.kernelFor(matMul, "CPU").isPresent());
    assertEquals(NativeBuild.isGpuBuild(), loaded.kernelFor(matMul, "GPU").isPresent());
    assertEquals(NativeBuild.isGpuBuild(), loaded.count("GPU") > 4000, "" + loaded.count("GPU"));
  }
}
