package ssm.io.pth;

/**
 * A name a pickle refers to with GLOBAL ({@code module.name}). Only a name: nothing is imported or
 * looked up.
 */
public record PyGlobal(String module, String name) {
  @Override
  public String toString() {
    return module + "." + name;
  }
}
