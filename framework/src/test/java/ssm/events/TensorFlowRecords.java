package ssm.events;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.io.FifoQueue;
import org.tensorflow.op.io.ReaderRead;
import org.tensorflow.op.io.TfRecordReader;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * TensorFlow's own TFRecord reader and writer, run in a graph: {@code TFRecordReaderV2} (which
 * checks both CRCs of every record) and {@code DatasetToTFRecord}.
 */
final class TensorFlowRecords {
  /** The records TensorFlow read, and the error that stopped it, if any (not end of sequence). */
  record ReadResult(List<byte[]> records, RuntimeException error) {}

  private static final List<Class<? extends TType>> STRING = List.of(TString.class);
  private static final List<Shape> SCALAR = List.of(Shape.scalar());

  private TensorFlowRecords() {}

  /**
   * Reads every record of {@code file} with the {@code TFRecordReaderV2} op, fed file names by a
   * closed {@code FIFOQueue}; the end shows as OutOfRange (queue closed and empty). This is the
   * reader kernel behind {@code tf.compat.v1.TFRecordReader}; it uses the same {@code
   * io::RecordReader} as {@code TFRecordDataset}. (The dataset route fails in graph mode in TF
   * 2.18: MakeIterator's rewrite re-serialises TFRecordDatasetV2 with 3 of its 4 inputs.)
   */
  static ReadResult read(Path file) {
    List<byte[]> records = new ArrayList<>();
    try (Graph g = new Graph();
        Session s = new Session(g);
        TString name = TString.scalarOf(file.toString())) {
      Ops tf = Ops.create(g);
      FifoQueue queue = tf.io.fifoQueue(STRING);
      Op enqueue = tf.io.queueEnqueue(queue, List.of(tf.constantOf(name)));
      Op close = tf.io.queueClose(queue);
      TfRecordReader reader = tf.io.tfRecordReader();
      ReaderRead read = tf.io.readerRead(reader, queue);
      s.runner().addTarget(enqueue).run();
      s.runner().addTarget(close).run();
      while (true) {
        try (Result r = s.runner().fetch(read.value()).run()) {
          records.add(((TString) r.get(0)).asBytes().getObject());
        } catch (TFOutOfRangeException endOfInput) {
          return new ReadResult(records, null);
        } catch (RuntimeException e) {
          return new ReadResult(records, e);
        }
      }
    }
  }

  /** Writes {@code records} to {@code file} with TensorFlow's {@code DatasetToTFRecord}. */
  static void write(Path file, byte[]... records) {
    try (Graph g = new Graph();
        Session s = new Session(g);
        TString data = TString.tensorOfBytes(NdArrays.vectorOfObjects(records))) {
      Ops tf = Ops.create(g);
      Operand<?> dataset = tf.data.tensorSliceDataset(List.of(tf.constantOf(data)), SCALAR);
      Op write = tf.data.datasetToTfRecord(dataset, tf.constant(file.toString()), tf.constant(""));
      s.runner().addTarget(write).run();
    }
  }
}
