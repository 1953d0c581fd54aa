package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ssm.device.DeviceChoice;
import ssm.device.Devices;
import ssm.device.NativeBuild;

class DoctorCommandTest {
  private final CliCapture cli = new CliCapture();

  @AfterEach
  void resetDevice() {
    Devices.select(DeviceChoice.AUTO);
  }

  @Test
  void reportsVersionsNativesAndSettings() {
    assertEquals(0, cli.run("doctor"));
    String s = cli.out.toString();
    assertTrue(
        s.contains(
            "tensorflow   2.16.2 (TensorFlow Java 1.0.0), natives "
                + NativeBuild.classifier().orElseThrow()),
        s);
    assertTrue(s.contains("determinism  TF_DETERMINISTIC_OPS="), s);
    assertTrue(s.contains("device       --device auto"), s);
  }

  @Test
  void deviceOptionIsReadBeforeOrAfterTheCommand() {
    assertEquals(0, cli.run("doctor", "--device", "cpu"));
    assertTrue(cli.out.toString().contains("--device cpu"), cli.out.toString());
    assertEquals(DeviceChoice.CPU, Devices.choice());
    assertEquals(0, cli.run("--device", "gpu:1", "doctor"));
    assertEquals(DeviceChoice.parse("gpu:1"), Devices.choice());
  }

  @Test
  void aBadDeviceIsAUsageError() {
    assertEquals(2, cli.run("doctor", "--device", "cuda"));
    assertTrue(
        cli.err.toString().contains("--device cuda: expected cpu, gpu, gpu:N"), cli.err.toString());
  }

  @Test
  void graphNeedsTheGpuNatives() {
    assumeFalse(NativeBuild.isGpuBuild(), "about the CPU natives (the default build)");
    assertEquals(DoctorCommand.EXIT_NEEDS_GPU_BUILD, cli.run("doctor", "--graph"));
    assertTrue(
        cli.err
            .toString()
            .contains(
                "--graph needs TensorFlow's GPU natives "
                    + "(linux-x86_64-gpu); linux-x86_64 is on the class path: run SSM_MAVEN_OPTS=-Pgpu"),
        cli.err.toString());
  }
}
