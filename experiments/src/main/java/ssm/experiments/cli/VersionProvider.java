package ssm.experiments.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code ssm --version}: the build's version (from the jar manifest), TensorFlow Java and Java. */
final class VersionProvider implements IVersionProvider {
  /** The TensorFlow Java release this project is built on (root pom.xml). */
  static final String TENSORFLOW_JAVA = "1.0.0";

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "ssm " + (version == null ? "(development build)" : version),
      "TensorFlow Java " + TENSORFLOW_JAVA + ", Java " + System.getProperty("java.version")
    };
  }
}
