package com.swanstudios.cart.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.swanstudios.platform.kit.problem.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A provider's notification from its raw body and {@code Stripe-Signature} header: the signature is checked with
 * Stripe's own library against the configured endpoint secret and timestamp tolerance before anything is read;
 * then the event is applied ({@link PaymentOutcomes}). The webhook route and the simulated payment page both come
 * through here, so a simulated payment runs the real path.
 */
@ApplicationScoped
public class PaymentWebhook {

    private static final Logger LOG = Logger.getLogger(PaymentWebhook.class);

    private final PaymentSettings settings;
    private final PaymentOutcomes outcomes;
    private final ObjectMapper json;

    public PaymentWebhook(PaymentSettings settings, PaymentOutcomes outcomes, ObjectMapper json) {
        this.settings = settings;
        this.outcomes = outcomes;
        this.json = json;
    }

    public Uni<WebhookReceipt> receive(String payload, String signature) {
        String secret = secret();
        if (payload == null || payload.isEmpty()) {
            throw DomainException.invalidField("body", "is empty");
        }
        if (signature == null || signature.isBlank()) {
            throw new DomainException(400, "invalid-signature", "Bad Request", "The Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret, settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            LOG.warnf("Payment webhook refused: %s", e.getMessage());
            throw new DomainException(400, "invalid-signature", "Bad Request",
                    "The Stripe-Signature header does not sign this body with the configured secret, or is too old");
        }
        PaymentEvent event = PaymentEvent.parse(json, payload);
        return outcomes.apply(event).map(outcome -> new WebhookReceipt(event.id(), event.type(), outcome.wireName()));
    }

    /** The endpoint secret; signing with it is what the simulated page does. */
    String secret() {
        return settings.webhookSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new DomainException(503,
                "webhook-not-configured", "Service Unavailable", "STRIPE_WEBHOOK_SECRET is not set: no webhook can be verified"));
    }
}
