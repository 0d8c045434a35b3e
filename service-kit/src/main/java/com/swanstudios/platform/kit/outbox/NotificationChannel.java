package com.swanstudios.platform.kit.outbox;

/**
 * A PostgreSQL NOTIFY channel that a kit mechanism hears on the replica's one dedicated listening connection
 * ({@link OutboxListener}), beside the relay's. A notification is sent by a transaction and heard by every
 * replica once it commits; while the connection is down nothing is heard, so {@link #resubscribed} is called
 * after every (re)connection, for the mechanism to read again what it may have missed.
 */
public interface NotificationChannel {

    String name();

    void notified(String payload);

    void resubscribed();
}
