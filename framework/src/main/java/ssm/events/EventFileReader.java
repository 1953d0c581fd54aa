package ssm.events;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.Event;

/**
 * Reads the {@link Event}s of one event file, checking CRCs; a truncated final record ends the file
 * cleanly (see {@link #truncated()}). Used by tests and by tools that merge runs into tables.
 */
public final class EventFileReader implements AutoCloseable {
  private final TfRecordReader records;

  private EventFileReader(TfRecordReader records) {
    this.records = records;
  }

  /** A reader over the event file at {@code path}. */
  public static EventFileReader open(Path path) throws IOException {
    return new EventFileReader(TfRecordReader.open(path));
  }

  /** Every event of the file at {@code path}, the file-version event first. */
  public static List<Event> readAll(Path path) throws IOException {
    try (EventFileReader reader = open(path)) {
      return reader.readRemaining();
    }
  }

  /** The next event, or {@code null} at the end of the file. */
  public Event next() throws IOException {
    byte[] data = records.next();
    return data == null ? null : Event.parseFrom(data);
  }

  /** The events not read yet. */
  public List<Event> readRemaining() throws IOException {
    List<Event> events = new ArrayList<>();
    for (Event e = next(); e != null; e = next()) {
      events.add(e);
    }
    return events;
  }

  /** Whether the file ended inside a record (the events before it were all returned). */
  public boolean truncated() {
    return records.truncated();
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
