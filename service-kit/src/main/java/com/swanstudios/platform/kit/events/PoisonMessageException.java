package com.swanstudios.platform.kit.events;

/**
 * An incoming event that can never be processed (unreadable, missing attributes, breaks its schema).
 * It is not retried: it goes straight to the dead-letter topic so the partition moves on.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
