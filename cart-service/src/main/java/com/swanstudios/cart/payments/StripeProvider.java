package com.swanstudios.cart.payments;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.swanstudios.platform.kit.concurrency.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stripe Checkout through Stripe's own client: a Checkout Session per order (the order id as
 * {@code client_reference_id} and as the idempotency key, so a retried checkout gets the same session), expiring
 * it on cancel, refunds by payment intent. The client blocks: every call runs on a worker thread.
 */
@ApplicationScoped
public class StripeProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(StripeProvider.class);
    /** Stripe keeps a session open for at least 30 minutes; the order's own expiry is what unlocks the cart. */
    private static final long MIN_SESSION_SECONDS = 30 * 60 + 60;

    private final PaymentSettings settings;
    private volatile StripeClient client;

    public StripeProvider(PaymentSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Uni<Session> open(Request request) {
        return Blocking.call(() -> {
            long expiresAt = Math.max(request.expiresAt().toEpochSecond(), System.currentTimeMillis() / 1000 + MIN_SESSION_SECONDS);
            SessionCreateParams.Builder params = SessionCreateParams.builder()
                    .setMode(SessionCreateParams.Mode.PAYMENT)
                    .setClientReferenceId(request.orderId().toString())
                    .putMetadata("orderId", request.orderId().toString())
                    .putMetadata("userId", request.userId().toString())
                    .setExpiresAt(expiresAt)
                    .setSuccessUrl(settings.successUrl().replace("{ORDER_ID}", request.orderId().toString()))
                    .setCancelUrl(settings.cancelUrl().replace("{ORDER_ID}", request.orderId().toString()));
            for (Line line : request.lines()) {
                params.addLineItem(SessionCreateParams.LineItem.builder().setQuantity((long) line.quantity())
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(line.unitPriceCents())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(line.name()).build())
                                .build())
                        .build());
            }
            try {
                com.stripe.model.checkout.Session session = client().checkout().sessions().create(params.build(),
                        RequestOptions.builder().setIdempotencyKey("checkout-" + request.orderId()).build());
                return new Session(session.getId(), session.getUrl());
            } catch (StripeException e) {
                throw new ProviderUnavailableException("Stripe did not open a checkout session: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Uni<Boolean> expire(String sessionId) {
        return Blocking.call(() -> {
            try {
                client().checkout().sessions().expire(sessionId);
                return true;
            } catch (InvalidRequestException e) {
                // only an open session can be expired: an expired one is done, a complete one was paid
                try {
                    com.stripe.model.checkout.Session session = client().checkout().sessions().retrieve(sessionId);
                    LOG.infof("Stripe session %s could not be expired: it is %s", sessionId, session.getStatus());
                    return !"complete".equals(session.getStatus());
                } catch (StripeException again) {
                    throw new ProviderUnavailableException("Stripe did not say how session " + sessionId + " stands", again);
                }
            } catch (StripeException e) {
                throw new ProviderUnavailableException("Stripe did not expire session " + sessionId + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Uni<String> refund(String paymentReference, long amountCents, UUID orderId) {
        return Blocking.call(() -> {
            try {
                return client().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentReference).setAmount(amountCents)
                                .putMetadata("orderId", orderId.toString()).build(),
                        RequestOptions.builder().setIdempotencyKey("refund-" + orderId).build()).getId();
            } catch (StripeException e) {
                throw new ProviderUnavailableException("Stripe did not refund order " + orderId + ": " + e.getMessage(), e);
            }
        });
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            String key = settings.stripe().apiKey().filter(k -> !k.isBlank())
                    .orElseThrow(() -> new ProviderUnavailableException("STRIPE_API_KEY is not set", null));
            current = StripeClient.builder().setApiKey(key).setApiBase(settings.stripe().apiBase()).setMaxNetworkRetries(2)
                    .setConnectTimeout(5_000).setReadTimeout(20_000).build();
            client = current;
        }
        return current;
    }
}
