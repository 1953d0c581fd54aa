package ssm.io.pth;

import java.io.IOException;

/**
 * A PyTorch checkpoint that cannot be read: not a checkpoint, truncated or corrupt, too large, or a
 * pickle that asks for something a state dict never needs (calling a function outside the
 * allowlist). The message names the file. Nothing from the file was ever executed.
 */
public final class PthException extends IOException {
  public PthException(String message) {
    super(message);
  }

  public PthException(String message, Throwable cause) {
    super(message, cause);
  }
}
