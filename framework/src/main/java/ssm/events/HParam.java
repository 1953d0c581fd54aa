package ssm.events;

import java.util.List;
import ssm.events.hparams.DataType;

/**
 * One hyperparameter column of TensorBoard's HParams dashboard: its name, its type and optionally
 * the discrete set of values a grid gives it (empty: any value; the dashboard then offers no
 * checkbox filter for it).
 */
public record HParam(String name, Type type, List<Object> domain) {
  /** The column types the dashboard knows, as the HParams API's {@code DataType}. */
  public enum Type {
    STRING(DataType.DATA_TYPE_STRING),
    BOOL(DataType.DATA_TYPE_BOOL),
    FLOAT64(DataType.DATA_TYPE_FLOAT64);

    final DataType proto;

    Type(DataType proto) {
      this.proto = proto;
    }

    /** The type of a value as the dashboard shows it: numbers are FLOAT64, anything else STRING. */
    public static Type of(Object value) {
      if (value instanceof Boolean) {
        return BOOL;
      }
      return value instanceof Number ? FLOAT64 : STRING;
    }
  }

  public HParam {
    domain = List.copyOf(domain);
  }

  /** A column typed like {@code value}, with no domain. */
  public static HParam of(String name, Object value) {
    return new HParam(name, Type.of(value), List.of());
  }

  /** A column whose domain is {@code values} (at least one), typed like the first. */
  public static HParam discrete(String name, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("hparam " + name + " needs at least one value");
    }
    return new HParam(name, Type.of(values.get(0)), List.copyOf(values));
  }
}
