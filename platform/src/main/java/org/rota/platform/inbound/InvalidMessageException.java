package org.rota.platform.inbound;

/** The message cannot be applied, now or ever: it goes to the dead-letter topic with this reason. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String reason) {
        super(reason);
    }

    public InvalidMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
