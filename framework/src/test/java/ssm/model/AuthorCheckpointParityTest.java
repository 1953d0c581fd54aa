package ssm.model;

import java.nio.file.Path;
import ssm.testing.AuthorCheckpoint;

/**
 * The golden-number comparison of {@link ReferenceParityTest}, with the weights read straight from
 * the author's checkpoint in torch's legacy format (fixture author-checkpoint) instead of the
 * safetensors file: the same outputs within the same tolerances, its anchors checked against the
 * settings.
 */
class AuthorCheckpointParityTest extends ReferenceParityTest {
  @Override
  Path weights() {
    return AuthorCheckpoint.legacy();
  }
}
