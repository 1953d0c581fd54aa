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
import org.tensorflow.op.data.AnonymousIterator;
import org.tensorflow.op.data.IteratorGetNext;
import org.tensorflow.op.data.TfRecordDataset;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * TensorFlow's own TFRecord reader and writer, run in a graph: {@code TFRecordDataset} (which checks
 * both CRCs of every record) with an iterator, and {@code DatasetToTFRecord}.
 */
final class TensorFlowRecords {
  /** The records TensorFlow read, and the error that stopped it, if any (not end of sequence). */
  record ReadResult(List<byte[]> records, RuntimeException error) {}

  private static final List<Class<? extends TType>> STRING = List.of(TString.class);
  private static final List<Shape> SCALAR = List.of(Shape.scalar());

  private TensorFlowRecords() {}

  /** Reads every record of {@code file} with {@code TFRecordDataset}. */
  static ReadResult read(Path file) {
    List<byte[]> records = new ArrayList<>();
    try (Graph g = new Graph();
        Session s = new Session(g);
        TString names = TString.vectorOf(file.toString())) {
      Ops tf = Ops.create(g);
      TfRecordDataset dataset =
          tf.data.tfRecordDataset(
              tf.constantOf(names),
              tf.constant(""), // no compression
              tf.constant(0L), // no read buffering
              tf.constant(0L)); // no leading bytes skipped
      AnonymousIterator iterator = tf.data.anonymousIterator(STRING, SCALAR);
      Op init = tf.data.makeIterator(dataset, iterator);
      IteratorGetNext next = tf.data.iteratorGetNext(iterator, STRING, SCALAR);
      s.runner().addTarget(init).run();
      while (true) {
        try (Result r = s.runner().fetch(next.components().get(0)).run()) {
          records.add(((TString) r.get(0)).asBytes().getObject());
        } catch (TFOutOfRangeException endOfSequence) {
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
