package ssm.io.pth;

/**
 * An inert record of an object of a class outside the allowlist (e.g. the author's {@code
 * models.ssm.rpn.AnchorGenerator}): its class name, the arguments NEWOBJ gave and the state BUILD
 * gave. Nothing of the class is ever run.
 */
public final class PyObject {
  private final PyGlobal type;
  private final PyTuple newArgs;
  private Object state = PyNone.NONE;

  PyObject(PyGlobal type, PyTuple newArgs) {
    this.type = type;
    this.newArgs = newArgs;
  }

  public PyGlobal type() {
    return type;
  }

  public PyTuple newArgs() {
    return newArgs;
  }

  /** What BUILD set (usually the instance's {@code __dict__}), or {@link PyNone#NONE}. */
  public Object state() {
    return state;
  }

  void build(Object newState) {
    this.state = newState;
  }

  @Override
  public String toString() {
    return "object of " + type;
  }
}
