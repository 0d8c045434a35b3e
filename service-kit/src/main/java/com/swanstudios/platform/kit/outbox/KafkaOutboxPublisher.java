package com.swanstudios.platform.kit.outbox;

import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.platform.kit.events.KafkaClients;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one relay round of outbox rows to Kafka, in order, and says what became of each row and who is to
 * blame for a failure: nobody when no broker answers (an outage: everything waits) or when the broker
 * reports something transient (leader moving, replicas short); the row when the broker refuses the record
 * itself (too large, invalid); the whole topic when the topic does not exist or may not be written. Only
 * blamed rows count attempts towards parking. After a failure, later rows of its aggregate (or topic) are
 * not sent this round.
 */
@ApplicationScoped
class KafkaOutboxPublisher {

    enum Fate {
        /** the broker acknowledged it */
        SENT,
        /** it failed; {@code error} and {@code blame} say why and whose fault it is */
        FAILED,
        /** not tried this round: behind a failure of its aggregate or topic, or the broker is away */
        HELD
    }

    enum Blame {
        /** transient, or an outage: wait and try again, attempts do not count */
        NOBODY,
        /** the broker refuses this record: it counts an attempt, and is parked at the limit */
        ROW,
        /** the topic is missing or not writable: every unsent row of it counts an attempt */
        TOPIC
    }

    record RowResult(PendingMessage message, Fate fate, Throwable error, Blame blame) {
    }

    /** {@code outage}: no broker answered (or the producer is unusable), so nothing is anyone's fault. */
    record Round(List<RowResult> rows, boolean outage) {

        long sent() {
            return rows.stream().filter(r -> r.fate() == Fate.SENT).count();
        }

        Throwable firstError() {
            return rows.stream().map(RowResult::error).filter(e -> e != null).findFirst().orElse(null);
        }
    }

    private final KafkaClients kafka;
    private final String source;

    KafkaOutboxPublisher(KafkaClients kafka, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.kafka = kafka;
        this.source = "/" + applicationName;
    }

    /** The Kafka client blocks while the broker is away, so the round runs on a worker thread. */
    Uni<Round> publish(List<PendingMessage> batch) {
        return Uni.createFrom().item(() -> new RoundInProgress(batch).run()).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** One round's state: what was sent, what is held, and what the broker told us about itself and topics. */
    private final class RoundInProgress {

        private final List<PendingMessage> batch;
        private final List<Future<?>> sends = new ArrayList<>();
        private final Set<String> heldAggregates = new HashSet<>();
        private final Set<String> heldTopics = new HashSet<>();
        private final Map<String, Boolean> topicExists = new HashMap<>();
        private Boolean clusterReachable;
        private boolean outage;

        RoundInProgress(List<PendingMessage> batch) {
            this.batch = batch;
        }

        Round run() {
            for (PendingMessage message : batch) {
                if (outage || heldTopics.contains(message.topic()) || heldAggregates.contains(aggregateKey(message))) {
                    sends.add(null);
                    continue;
                }
                Future<?> send = send(message);
                sends.add(send);
                Throwable immediate = immediateFailure(send);
                if (immediate != null && blame(message, immediate) == Blame.NOBODY && outage) {
                    break;
                }
            }
            while (sends.size() < batch.size()) {
                sends.add(null);
            }
            List<RowResult> rows = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                rows.add(outcome(batch.get(i), sends.get(i)));
            }
            return new Round(rows, outage);
        }

        private RowResult outcome(PendingMessage message, Future<?> send) {
            if (send == null) {
                return new RowResult(message, Fate.HELD, null, Blame.NOBODY);
            }
            try {
                send.get();
                return new RowResult(message, Fate.SENT, null, Blame.NOBODY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outage = true;
                return new RowResult(message, Fate.HELD, null, Blame.NOBODY);
            } catch (ExecutionException e) {
                Throwable error = e.getCause() == null ? e : e.getCause();
                return new RowResult(message, Fate.FAILED, error, blame(message, error));
            }
        }

        /** Decides whose fault a failure is, and holds back what must wait behind it this round. */
        private Blame blame(PendingMessage message, Throwable error) {
            if (error instanceof IllegalStateException || error instanceof InterruptException
                    || (error instanceof KafkaException && !(error instanceof ApiException)
                            && !(error instanceof org.apache.kafka.common.errors.SerializationException))) {
                outage = true; // the producer itself is closed or in a fatal state
                return Blame.NOBODY;
            }
            if (error instanceof TopicAuthorizationException || error instanceof InvalidTopicException) {
                heldTopics.add(message.topic());
                return Blame.TOPIC;
            }
            if (error instanceof TimeoutException || error instanceof UnknownTopicOrPartitionException) {
                if (!reachable()) {
                    outage = true;
                    return Blame.NOBODY;
                }
                heldTopics.add(message.topic());
                return topicExists.computeIfAbsent(message.topic(), kafka::topicExists) ? Blame.NOBODY : Blame.TOPIC;
            }
            heldAggregates.add(aggregateKey(message));
            if (error instanceof RetriableException) {
                if (!reachable()) {
                    outage = true;
                }
                return Blame.NOBODY;
            }
            return Blame.ROW;
        }

        private boolean reachable() {
            if (clusterReachable == null) {
                clusterReachable = anySent() || kafka.clusterReachable();
            }
            return clusterReachable;
        }

        private boolean anySent() {
            return sends.stream().anyMatch(s -> s != null && s.isDone() && immediateFailure(s) == null);
        }
    }

    private Future<?> send(PendingMessage message) {
        try {
            return kafka.producer().send(toRecord(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable immediateFailure(Future<?> send) {
        if (!send.isDone()) {
            return null;
        }
        try {
            send.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InterruptException(e);
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    static String aggregateKey(PendingMessage message) {
        return message.topic() + "\n" + message.aggregateId();
    }

    private ProducerRecord<String, byte[]> toRecord(PendingMessage message) {
        EventEnvelope envelope = new EventEnvelope(message.id().toString(), source, message.eventType(), message.createdAt(),
                message.aggregateId(), message.aggregateVersion(), message.traceParent());
        byte[] value = message.payload() == null ? null : message.payload().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(message.topic(), null, message.aggregateId(), value, envelope.toKafkaHeaders());
    }
}
