package com.swanstudios.platform.kit.outbox;

import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.platform.kit.events.KafkaClients;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one relay round of outbox rows to Kafka, in order, and says what became of each row. It tells two
 * kinds of failure apart: an outage (no broker answers: nobody is to blame, everything waits) and a row the
 * broker refuses (too large, topic missing, not authorised: that row is blamed, and only the rows of its
 * aggregate, or of its topic when the topic itself is unusable, wait behind it this round).
 */
@ApplicationScoped
class KafkaOutboxPublisher {

    enum Fate {
        /** the broker acknowledged it */
        SENT,
        /** it failed; {@code error} says why */
        FAILED,
        /** not tried this round: behind a failure of its aggregate or topic, or the broker is away */
        HELD
    }

    record RowResult(PendingMessage message, Fate fate, Throwable error) {
    }

    /** {@code outage}: no broker answered, so no failure of this round is any row's fault. */
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
        return Uni.createFrom().item(() -> sendAll(batch)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Round sendAll(List<PendingMessage> batch) {
        List<Future<?>> sends = new ArrayList<>(batch.size());
        Set<String> heldAggregates = new HashSet<>();
        Set<String> heldTopics = new HashSet<>();
        boolean outage = false;
        for (PendingMessage message : batch) {
            if (outage || heldTopics.contains(message.topic()) || heldAggregates.contains(aggregateKey(message))) {
                sends.add(null);
                continue;
            }
            Future<?> send = send(message);
            sends.add(send);
            Throwable immediate = immediateFailure(send);
            if (immediate == null) {
                continue;
            }
            if (immediate instanceof RetriableException && !anySent(sends) && !kafka.clusterReachable()) {
                outage = true;
            } else if (unusableTopic(immediate)) {
                heldTopics.add(message.topic());
            } else {
                heldAggregates.add(aggregateKey(message));
            }
        }
        List<RowResult> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(outcome(batch.get(i), sends.get(i)));
        }
        if (!outage && rows.stream().noneMatch(r -> r.fate() == Fate.SENT)
                && rows.stream().anyMatch(r -> r.error() instanceof RetriableException)) {
            // nothing got through: find out whether a broker answers at all before blaming any row
            outage = !kafka.clusterReachable();
        }
        return new Round(rows, outage);
    }

    private Future<?> send(PendingMessage message) {
        try {
            return kafka.producer().send(toRecord(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static RowResult outcome(PendingMessage message, Future<?> send) {
        if (send == null) {
            return new RowResult(message, Fate.HELD, null);
        }
        try {
            send.get();
            return new RowResult(message, Fate.SENT, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RowResult(message, Fate.HELD, null);
        } catch (ExecutionException e) {
            return new RowResult(message, Fate.FAILED, e.getCause() == null ? e : e.getCause());
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
            return e;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static boolean anySent(List<Future<?>> sends) {
        return sends.stream().anyMatch(s -> s != null && s.isDone() && immediateFailure(s) == null);
    }

    /** A topic that does not exist or may not be written: every row of it would wait as long, and fail alike. */
    private static boolean unusableTopic(Throwable error) {
        return error instanceof TimeoutException || error instanceof UnknownTopicOrPartitionException
                || error instanceof TopicAuthorizationException;
    }

    private static String aggregateKey(PendingMessage message) {
        return message.topic() + "\n" + message.aggregateId();
    }

    private ProducerRecord<String, byte[]> toRecord(PendingMessage message) {
        EventEnvelope envelope = new EventEnvelope(message.id().toString(), source, message.eventType(), message.createdAt(),
                message.aggregateId(), message.aggregateVersion(), message.traceParent());
        byte[] value = message.payload() == null ? null : message.payload().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(message.topic(), null, message.aggregateId(), value, envelope.toKafkaHeaders());
    }
}
