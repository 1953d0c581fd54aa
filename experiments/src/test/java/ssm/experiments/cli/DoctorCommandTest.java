package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ssm.device.DeviceChoice;
import ssm.device.Devices;
import ssm.device.NativeBuild;

class DoctorCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @AfterEach
  void resetDevice() {
    Devices.select(DeviceChoice.AUTO);
  }

  @Test
  void reportsVersionsNativesAndSettings() {
    assertEquals(0, run("doctor"));
    String s = out.toString();
    assertTrue(s.contains("tensorflow   2.16.2 (TensorFlow Java 1.0.0), natives "
        + NativeBuild.classifier().orElseThrow()), s);
    assertTrue(s.contains("determinism  TF_DETERMINISTIC_OPS="), s);
    assertTrue(s.contains("device       --device auto"), s);
  }

  @Test
  void deviceOptionIsReadBeforeOrAfterTheCommand() {
    assertEquals(0, run("doctor", "--device", "cpu"));
    assertTrue(out.toString().contains("--device cpu"), out.toString());
    assertEquals(DeviceChoice.CPU, Devices.choice());
    assertEquals(0, run("--device", "gpu:1", "doctor"));
    assertEquals(DeviceChoice.parse("gpu:1"), Devices.choice());
  }

  @Test
  void aBadDeviceIsAUsageError() {
    assertEquals(2, run("doctor", "--device", "cuda"));
    assertTrue(err.toString().contains("--device cuda: expected cpu, gpu, gpu:N"), err.toString());
  }

  @Test
  void graphNeedsTheGpuNatives() {
    assumeFalse(NativeBuild.isGpuBuild(), "about the CPU natives (the default build)");
    assertEquals(DoctorCommand.EXIT_NEEDS_GPU_BUILD, run("doctor", "--graph"));
    assertTrue(err.toString().contains("--graph needs TensorFlow's GPU natives "
        + "(linux-x86_64-gpu); linux-x86_64 is on the class path: run SSM_MAVEN_OPTS=-Pgpu"),
        err.toString());
  }
}
