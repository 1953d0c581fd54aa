package ssm.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as slow: it trains for many iterations (a learning run), runs a
 * whole command end to end (train, grid, eval, predict, export), runs the full model with real
 * weights (reference parity) or builds it for every variant, measures speed, or fuzzes at length.
 * The quick tier, {@code mvn -B test -Pquick}, leaves these out; plain {@code mvn -B test} runs
 * them. See docs/how-to/develop.md.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(SlowTest.TAG)
public @interface SlowTest {
  /** The JUnit tag; the parent pom's {@code quick} profile excludes it. */
  String TAG = "slow";
}
