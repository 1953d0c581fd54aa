package ssm.data;

/**
 * A bad data item: unreadable image, mask that does not fit its image, malformed split line. The
 * message always starts with the source at fault, a file name or {@code file:line}, e.g. {@code
 * slice_0042.png: mask is 256x256 but the image is 512x512}.
 */
public final class DataException extends RuntimeException {
  private final String source;
  private final String reason;

  /** A problem with {@code source} (a file name, or {@code file:line}). */
  public DataException(String source, String reason) {
    this(source, reason, null);
  }

  /** As {@link #DataException(String, String)}, keeping the underlying cause. */
  public DataException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file (or {@code file:line}) at fault. */
  public String source() {
    return source;
  }

  /** What is wrong with it, without the source. */
  public String reason() {
    return reason;
  }
}
