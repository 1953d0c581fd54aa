package ssm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provenance.json: its records round-trip, and the commit is read from .git without git. */
class ProvenanceTest {
  @TempDir Path dir;

  static Provenance.Record record(String command) {
    Map<String, Boolean> features = new LinkedHashMap<>();
    features.put("AVX2", true);
    features.put("AVX-512F", false);
    return new Provenance.Record(
        "0123456789abcdef0123456789abcdef01234567",
        command,
        new Provenance.Cpu("AMD EPYC 7B13", "amd64", 2, features),
        "17.0.9",
        "1.0.0",
        "2026-12-07T04:00:00Z",
        null,
        null,
        null);
  }

  @Test
  void roundTripsAndAddsOneRecordPerCommand() throws Exception {
    Path file = new RunFolder(dir).provenance();
    assertEquals(dir.resolve("provenance.json"), file);
    assertTrue(Provenance.read(file).records().isEmpty());
    Provenance.Record train = record("./ssm train --out runs/a");
    Provenance.read(file).with(train).write(file);
    Provenance.Record done = train.finished("2026-12-07T04:10:00Z", 600.0, 0);
    Provenance.read(file)
        .withLast(done)
        .with(record("./ssm train --out runs/a --resume"))
        .write(file);
    Provenance back = Provenance.read(file);
    assertEquals(2, back.records().size());
    assertEquals(done, back.records().get(0));
    assertEquals("./ssm train --out runs/a --resume", back.last().orElseThrow().command());
    assertEquals("AVX2", back.records().get(0).cpu().present());
    assertTrue(Files.readString(file).contains("\"schema\" : \"ssm-provenance/1\""));
  }

  @Test
  void refusesAnUnknownSchema() throws Exception {
    Path file = dir.resolve("provenance.json");
    Files.writeString(file, "{\"schema\":\"ssm-provenance/9\",\"records\":[]}");
    assertThrows(IllegalArgumentException.class, () -> Provenance.read(file));
  }

  @Test
  void readsTheCommitOfABranchALooseHeadAndAWorktree() throws Exception {
    String a = "a".repeat(40);
    String b = "b".repeat(40);
    Path repo = dir.resolve("repo");
    Path git = repo.resolve(".git");
    Files.createDirectories(git.resolve("refs/heads"));
    Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(git.resolve("refs/heads/main"), a + "\n");
    Path deep = Files.createDirectories(repo.resolve("experiments/target"));
    assertEquals(a, Provenance.gitCommit(deep));

    // a branch only in packed-refs
    Files.writeString(git.resolve("HEAD"), "ref: refs/heads/packed\n");
    Files.writeString(git.resolve("packed-refs"), "# pack-refs\n" + b + " refs/heads/packed\n");
    assertEquals(b, Provenance.gitCommit(deep));

    // a detached head
    Files.writeString(git.resolve("HEAD"), a + "\n");
    assertEquals(a, Provenance.gitCommit(repo));

    // a worktree: .git is a file naming its folder, whose refs live in the common folder
    Path wtGit = Files.createDirectories(git.resolve("worktrees/wt"));
    Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(wtGit.resolve("commondir"), "../..\n");
    Path wt = Files.createDirectories(dir.resolve("wt"));
    Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
    assertEquals(a, Provenance.gitCommit(wt));
  }

  @Test
  void saysUnknownOutsideARepository() throws Exception {
    Path lone = Files.createDirectories(dir.resolve("lone"));
    String commit = Provenance.gitCommit(lone);
    // the temporary folder may itself lie inside a checkout; never an exception, never garbage
    assertTrue(commit.equals("unknown") || commit.matches("[0-9a-f]{40}"), commit);
  }
}
