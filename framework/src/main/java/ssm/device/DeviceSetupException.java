package ssm.device;

/**
 * The device asked for cannot be used as asked: GPU natives or a GPU missing, or a setting
 * TensorFlow would fail on there. A bad input, not a bug: an {@link IllegalArgumentException}, so
 * the command line prints its message as one {@code error:} line.
 */
public final class DeviceSetupException extends IllegalArgumentException {
  public DeviceSetupException(String message) {
    super(message);
  }
}
