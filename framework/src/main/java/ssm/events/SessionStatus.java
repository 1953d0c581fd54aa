package ssm.events;

/** How a training session ended, as the HParams API's {@code Status} enum (numbers included). */
public enum SessionStatus {
  UNKNOWN(0),
  SUCCESS(1),
  FAILURE(2),
  RUNNING(3);

  final int number;

  SessionStatus(int number) {
    this.number = number;
  }
}
