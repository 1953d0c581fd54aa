package ssm.io.pth;

/** Python's None in what a pickle reads to (Java collections here hold no nulls). */
public enum PyNone {
  NONE;

  @Override
  public String toString() {
    return "None";
  }
}
