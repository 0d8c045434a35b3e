package com.swanstudios.platform.kit.inbox;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A service's consumer of one incoming channel, as a bean: its {@code @Incoming(channel)} method is
 * {@link #consume}, and {@link DeadLetterReplay} hands it dead-lettered records again through the same
 * method, so a replay is applied exactly as a first delivery would be (once, version-gated).
 */
public interface ChannelConsumer {

    /** The {@code mp.messaging.incoming.<channel>} this bean consumes. */
    String channel();

    Uni<Void> consume(ConsumerRecord<String, String> record);
}
