package ssm.run;

/**
 * A fresh run was asked for in a folder that holds another run: a bad argument (the command line
 * exits with its usage code), not a failure.
 */
public final class ExistingRunException extends IllegalArgumentException {
  public ExistingRunException(String message) {
    super(message);
  }
}
