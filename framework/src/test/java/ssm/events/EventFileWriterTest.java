package ssm.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;
import ssm.testing.SlowTest;

class EventFileWriterTest {
  @TempDir Path dir;

  @Test
  void tensorFlowsRecordReaderReadsEveryKindOfEventBack() throws Exception {
    byte[] png = png(2, 3);
    GraphDef graphDef;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      tf.withName("answer").math.add(tf.constant(40f), tf.constant(2f));
      graphDef = g.toGraphDef();
    }
    Map<String, Object> hparams = new LinkedHashMap<>();
    hparams.put("lr", 0.01);
    hparams.put("optimizer", "sgd");
    hparams.put("augment", true);
    Path file;
    try (EventFileWriter w = new EventFileWriter(dir)) {
      file = w.file();
      w.scalar("loss/total", 1, 0.5);
      w.scalar("loss/total", 2, 0.25);
      w.text("config", 0, "lr: 0.01");
      w.image("images/overlay", 3, png, 2, 3);
      w.histogram("weights/conv1", 4, new float[] {-1f, 0f, 0f, 2.5f});
      w.graph(graphDef);
      w.hparams(hparams, List.of("eval/ap"));
      w.hparamsEnd(SessionStatus.SUCCESS);
    }

    TensorFlowRecords.ReadResult read = TensorFlowRecords.read(file);
    assertNull(read.error(), "TFRecordDataset checks every CRC and must reach the end cleanly");
    List<Event> events = new ArrayList<>();
    for (byte[] record : read.records()) {
      events.add(Event.parseFrom(record));
    }
    assertEquals(EventFileReader.readAll(file), events, "our reader agrees with TensorFlow's");
    assertEquals(10, events.size());

    assertEquals(EventFileWriter.FILE_VERSION, events.get(0).getFileVersion());
    assertTrue(events.get(0).getWallTime() > 1.6e9, "wall time is in seconds since 1970");

    assertScalar(events.get(1), "loss/total", 1, 0.5f);
    assertScalar(events.get(2), "loss/total", 2, 0.25f);

    Summary.Value text = only(events.get(3));
    assertEquals("config", text.getTag());
    assertEquals("text", text.getMetadata().getPluginData().getPluginName());
    assertEquals("lr: 0.01", text.getTensor().getStringVal(0).toString(StandardCharsets.UTF_8));
    assertEquals(0, text.getTensor().getTensorShape().getDimCount(), "a scalar string tensor");

    Summary.Value image = only(events.get(4));
    assertEquals(3, events.get(4).getStep());
    assertEquals("images/overlay", image.getTag());
    assertEquals(2, image.getImage().getHeight());
    assertEquals(3, image.getImage().getWidth());
    assertEquals(3, image.getImage().getColorspace(), "RGB PNG");
    assertArrayEquals(png, image.getImage().getEncodedImageString().toByteArray());

    HistogramProto h = only(events.get(5)).getHisto();
    assertEquals("weights/conv1", only(events.get(5)).getTag());
    assertEquals(4, h.getNum());
    assertEquals(1.5, h.getSum());
    assertEquals(1 + 6.25, h.getSumSquares());
    assertEquals(-1, h.getMin());
    assertEquals(2.5, h.getMax());
    assertEquals(4.0, h.getBucketList().stream().mapToDouble(Double::doubleValue).sum());

    assertEquals(graphDef, GraphDef.parseFrom(events.get(6).getGraphDef()));
    assertTrue(graphDef.getNodeList().stream().anyMatch(n -> n.getName().equals("answer")));

    assertEquals(HParamsSummaries.EXPERIMENT_TAG, only(events.get(7)).getTag());
    assertEquals(HParamsSummaries.SESSION_START_TAG, only(events.get(8)).getTag());
    assertEquals(HParamsSummaries.SESSION_END_TAG, only(events.get(9)).getTag());
    for (Event e : events.subList(7, 10)) {
      assertEquals("hparams", only(e).getMetadata().getPluginData().getPluginName());
    }
  }

  @Test
  void fileNameFollowsTensorFlowsPattern() throws Exception {
    Path run = dir.resolve("run-a");
    try (EventFileWriter w = new EventFileWriter(run, ".eval", Duration.ofSeconds(2))) {
      String name = w.file().getFileName().toString();
      assertTrue(name.matches("events\\.out\\.tfevents\\.\\d{10}\\.[A-Za-z0-9._-]+\\.eval"), name);
      assertEquals(run, w.file().getParent());
    }
  }

  @Test
  void writersStartedInTheSameSecondGetTheirOwnFiles() throws Exception {
    try (EventFileWriter a = new EventFileWriter(dir);
        EventFileWriter b = new EventFileWriter(dir)) {
      assertNotEquals(a.file(), b.file());
    }
  }

  @Test
  void theTimerFlushesWithoutAnyFlushCall() throws Exception {
    try (EventFileWriter w = new EventFileWriter(dir, "", Duration.ofMillis(50))) {
      w.scalar("loss/total", 7, 1.0);
      List<Event> seen = List.of();
      for (int i = 0; i < 200 && seen.size() < 2; i++) { // waits up to 10 s; normally ~50 ms
        Thread.sleep(50);
        seen = EventFileReader.readAll(w.file());
      }
      assertEquals(2, seen.size(), "file version and the scalar reached the file before close");
      assertScalar(seen.get(1), "loss/total", 7, 1f);
    }
  }

  @Test
  void flushMakesEverythingLoggedSoFarReadable() throws Exception {
    try (EventFileWriter w = new EventFileWriter(dir, "", Duration.ofHours(1))) {
      w.scalars(5, Map.of("loss/mask", 0.75, "train/learning_rate", 0.001));
      w.flush();
      List<Event> events = EventFileReader.readAll(w.file());
      assertEquals(2, events.size());
      assertEquals(2, events.get(1).getSummary().getValueCount(), "two scalars, one event");
      assertEquals(5, events.get(1).getStep());
    }
  }

  @Test
  void closeIsIdempotentAndLoggingAfterCloseFails() throws Exception {
    EventFileWriter w = new EventFileWriter(dir);
    w.close();
    w.close();
    w.flush();
    assertThrows(IllegalStateException.class, () -> w.scalar("loss/total", 1, 1));
    assertEquals(1, EventFileReader.readAll(w.file()).size());
  }

  @Test
  @SlowTest
  void printsTheCostOfOneScalar() throws Exception {
    int n = 200_000;
    try (EventFileWriter w = new EventFileWriter(dir)) {
      for (int i = 0; i < 20_000; i++) { // warm-up
        w.scalar("warmup", i, i);
      }
      w.flush();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        w.scalar("loss/total", i, 1.0 / (i + 1));
      }
      long t1 = System.nanoTime();
      w.flush();
      long t2 = System.nanoTime();
      System.out.printf(
          "EventFileWriter cost per scalar: %.2f us on the caller's thread, %.2f us including"
              + " writing it to the file (%d scalars)%n",
          (t1 - t0) / 1e3 / n, (t2 - t0) / 1e3 / n, n);
      int burst = 10_000; // fits the queue: what a training step's few scalars see
      long b0 = System.nanoTime();
      for (int i = 0; i < burst; i++) {
        w.scalar("loss/mask", i, i);
      }
      long b1 = System.nanoTime();
      w.flush();
      System.out.printf(
          "burst of %d scalars: %.2f us each on the caller's thread%n",
          burst, (b1 - b0) / 1e3 / burst);
      float[] weights = new float[1_000_000];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = (float) Math.sin(i);
      }
      long t3 = 0;
      for (int round = 0; round < 5; round++) { // the last rounds run compiled code
        t3 = System.nanoTime();
        w.histogram("weights/big", round, weights);
      }
      long t4 = System.nanoTime();
      System.out.printf("histogram of 1e6 floats: %.1f ms%n", (t4 - t3) / 1e6);
    }
  }

  static void assertScalar(Event e, String tag, long step, float value) {
    assertEquals(step, e.getStep());
    assertEquals(tag, only(e).getTag());
    assertEquals(value, only(e).getSimpleValue());
  }

  static Summary.Value only(Event e) {
    assertEquals(1, e.getSummary().getValueCount());
    return e.getSummary().getValue(0);
  }

  static byte[] png(int height, int width) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
