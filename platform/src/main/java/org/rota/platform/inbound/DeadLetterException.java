package org.rota.platform.inbound;

/** A dead letter could not be handed to the broker; the message stays unacknowledged and is tried again. */
public class DeadLetterException extends RuntimeException {

    public DeadLetterException(String message, Throwable cause) {
        super(message, cause);
    }
}
