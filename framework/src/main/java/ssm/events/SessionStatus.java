package ssm.events;

import ssm.events.hparams.Status;

/** How a training session ended, as the HParams API's {@code Status}. */
public enum SessionStatus {
  UNKNOWN(Status.STATUS_UNKNOWN),
  SUCCESS(Status.STATUS_SUCCESS),
  FAILURE(Status.STATUS_FAILURE),
  RUNNING(Status.STATUS_RUNNING);

  final Status proto;

  SessionStatus(Status proto) {
    this.proto = proto;
  }
}
