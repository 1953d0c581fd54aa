package ssm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;

/** What survives a writer killed mid-record, and what a corrupted byte does. */
class TruncatedEventFileTest {
  @TempDir Path dir;
  private byte[] whole;

  /** Where each record ends: record i occupies [ends[i-1], ends[i]). */
  private final List<Integer> ends = new ArrayList<>();

  @BeforeEach
  void writeTenScalars() throws Exception {
    Path file;
    try (EventFileWriter w = new EventFileWriter(dir)) {
      file = w.file();
      for (int step = 1; step <= 10; step++) {
        w.scalar("loss/total", step, 1.0 / step);
      }
    }
    whole = Files.readAllBytes(file);
    Files.delete(file);
    try (TfRecordReader r = new TfRecordReader(new ByteArrayInputStream(whole))) {
      while (r.next() != null) {
        ends.add((int) r.offset());
      }
    }
    assertEquals(11, ends.size());
    assertEquals(whole.length, ends.get(10));
  }

  @Test
  void cutInsideTheLastRecordKeepsEveryEarlierEvent() throws Exception {
    int start = ends.get(9); // the step-10 record: 12 header bytes, data, 4 footer bytes
    for (int cut : new int[] {start + 7, start + 12 + 5, ends.get(10) - 1}) {
      Path file = cutAt(cut);
      try (EventFileReader reader = EventFileReader.open(file)) {
        List<Event> events = reader.readRemaining();
        assertTrue(reader.truncated());
        assertEquals(10, events.size(), "file version + steps 1..9");
        EventFileWriterTest.assertScalar(events.get(9), "loss/total", 9, 1f / 9);
      }
      // TensorFlow's TFRecordReaderV2 returns the same ten records too.
      TensorFlowRecords.ReadResult tf = TensorFlowRecords.read(file);
      assertEquals(10, tf.records().size(), "cut at " + cut);
      assertEquals(EventFileReader.readAll(file).get(9), Event.parseFrom(tf.records().get(9)));
      if (cut - start < TfRecord.HEADER_BYTES) {
        // A partial header reads as end of file: TensorFlow stops cleanly.
        assertNull(tf.error(), "cut in the header at " + cut);
      } else {
        // A partial data or footer is DATA_LOSS, raised after every complete record was returned.
        assertNotNull(tf.error(), "cut after the header at " + cut);
        assertTrue(
            tf.error().getMessage().contains("truncated record at " + start),
            tf.error().getMessage());
      }
    }
  }

  @Test
  void everyCutPositionYieldsExactlyTheRecordsBeforeIt() throws Exception {
    for (int cut = 0; cut <= whole.length; cut++) {
      int complete = 0;
      while (complete < ends.size() && ends.get(complete) <= cut) {
        complete++;
      }
      byte[] prefix = Arrays.copyOf(whole, cut);
      try (TfRecordReader r = new TfRecordReader(new ByteArrayInputStream(prefix))) {
        int n = 0;
        while (r.next() != null) {
          n++;
        }
        assertEquals(complete, n, "cut at " + cut);
        assertEquals(!ends.contains(cut) && cut > 0, r.truncated(), "cut at " + cut);
      }
    }
  }

  @Test
  void aCleanEndIsNotTruncated() throws Exception {
    Path file = cutAt(whole.length);
    try (EventFileReader reader = EventFileReader.open(file)) {
      assertEquals(11, reader.readRemaining().size());
      assertFalse(reader.truncated());
    }
    assertNull(TensorFlowRecords.read(file).error());
  }

  @Test
  void aFlippedByteIsCorruptionNotTruncation() throws Exception {
    whole[ends.get(4) + 20] ^= 1; // inside the data of the step-5 record
    Path file = cutAt(whole.length);
    try (EventFileReader reader = EventFileReader.open(file)) {
      for (int i = 0; i < 5; i++) {
        assertNotNull(reader.next());
      }
      assertThrows(TfRecordReader.CorruptRecordException.class, reader::next);
    }
    TensorFlowRecords.ReadResult tf = TensorFlowRecords.read(file);
    assertEquals(5, tf.records().size());
    assertNotNull(tf.error(), "TensorFlow checks the data CRC too");
    System.out.println("TensorFlow at the flipped byte: " + tf.error().getMessage().strip());
  }

  private Path cutAt(int length) throws Exception {
    Path file = dir.resolve("events.out.tfevents.cut-" + length);
    Files.write(file, Arrays.copyOf(whole, length));
    return file;
  }
}
