package com.swanstudios.platform.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * What the kit reads of an incoming channel's configuration: its consumer group, topic and dead-letter topic. The
 * consumer name is asked for on every message, so it is resolved once per channel (configuration does not change
 * while the application runs).
 */
@ApplicationScoped
class ChannelSettings {

    static final String DEAD_LETTER_SUFFIX = ".dlq";

    private final Config config;
    private final Map<String, String> consumerNames = new ConcurrentHashMap<>();

    ChannelSettings(Config config) {
        this.config = config;
    }

    String group(String channel) {
        return value(channel, "group.id")
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .orElseGet(() -> config.getValue("quarkus.application.name", String.class));
    }

    String topic(String channel) {
        return value(channel, "topic").orElse(channel);
    }

    String deadLetterTopic(String channel, String originTopic) {
        return value(channel, "dead-letter-queue.topic").orElse(originTopic + DEAD_LETTER_SUFFIX);
    }

    /** The name under which a channel's applied events and versions are kept: {@code <group>.<channel>}. */
    String consumerName(String channel) {
        return consumerNames.computeIfAbsent(channel, c -> group(c) + "." + c);
    }

    private java.util.Optional<String> value(String channel, String attribute) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + "." + attribute, String.class);
    }
}
