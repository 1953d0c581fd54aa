package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes never run one variant; a dead process's lock is taken over. */
class RunLockTest {
  @TempDir Path dir;

  @Test
  void aHeldLockIsNotGrantedTwice() throws Exception {
    try (RunLock first = RunLock.acquire(dir).orElseThrow()) {
      assertFalse(RunLock.acquire(dir).isPresent(), "this live process holds it");
    }
    assertTrue(RunLock.acquire(dir).isPresent(), "released on close");
  }

  @Test
  void aLockOfADeadProcessIsTakenOver() throws Exception {
    // pid 2^22 + 1 is above Linux's default pid_max: no such process
    Files.writeString(dir.resolve(".lock"), "4194305@" + InetAddress.getLocalHost().getHostName());
    assertTrue(RunLock.acquire(dir).isPresent());
  }

  @Test
  void aLockOfAnotherHostIsRespected() throws Exception {
    Files.writeString(dir.resolve(".lock"), "1@some-other-host");
    assertFalse(RunLock.acquire(dir).isPresent());
  }
}
