package com.swanstudios.cart.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import com.swanstudios.cart.orders.CustomerOrder;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The simulated provider's payment page (the local stack's; 404 wherever the provider is Stripe). One call pays,
 * fails or expires a session: it builds the event Stripe would send, signs it with the webhook secret and hands it
 * to {@link PaymentWebhook}, the path real notifications take. Only the order's buyer (or an admin) may.
 */
@Path(SimulatedPaymentsResource.PATH + "/{sessionId}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Payments")
public class SimulatedPaymentsResource {

    public static final String PATH = "/api/payments/simulated";

    private final PaymentSettings settings;
    private final SimulatedProvider simulated;
    private final PaymentWebhook webhook;
    private final Caller caller;
    private final ObjectMapper json;

    public SimulatedPaymentsResource(PaymentSettings settings, SimulatedProvider simulated, PaymentWebhook webhook, Caller caller,
            ObjectMapper json) {
        this.settings = settings;
        this.simulated = simulated;
        this.webhook = webhook;
        this.caller = caller;
        this.json = json;
    }

    /** A simulated session as its page shows it. */
    public record SimulatedSession(String sessionId, UUID orderId, String orderStatus, long totalCents, String currency,
            OffsetDateTime expiresAt, String completeUrl, String failUrl, String expireUrl) {
    }

    @GET
    @Operation(operationId = "getSimulatedPayment", summary = "A simulated payment page (local stack)",
            description = "The order a simulated payment session is for, and the three calls that end it. Answers 404 unless "
                    + "the service runs with PAYMENT_PROVIDER=simulated.")
    @APIResponseSchema(value = SimulatedSession.class, responseDescription = "The session")
    @APIResponse(responseCode = "404", description = "No such simulated session of yours")
    public Uni<SimulatedSession> show(@PathParam("sessionId") String sessionId) {
        return order(sessionId).map(order -> {
            String base = settings.simulated().baseUrl() + PATH + "/" + sessionId;
            return new SimulatedSession(sessionId, order.id, order.status, order.totalCents, order.currency, order.expiresAt,
                    base + "/complete", base + "/fail", base + "/expire");
        });
    }

    @POST
    @Path("/complete")
    @Operation(operationId = "completeSimulatedPayment", summary = "Pay a simulated session (local stack)",
            description = "Sends checkout.session.completed with payment_status paid through the webhook's path: the order is "
                    + "paid and its session credits granted.")
    @APIResponseSchema(value = WebhookReceipt.class, responseDescription = "What the webhook did")
    @APIResponse(responseCode = "404", description = "No such simulated session of yours")
    public Uni<WebhookReceipt> complete(@PathParam("sessionId") String sessionId) {
        return send(sessionId, PaymentEvent.COMPLETED, PaymentEvent.PAID);
    }

    @POST
    @Path("/fail")
    @Operation(operationId = "failSimulatedPayment", summary = "Fail a simulated session's payment (local stack)",
            description = "Sends checkout.session.async_payment_failed through the webhook's path: the order ends and the cart "
                    + "unlocks.")
    @APIResponseSchema(value = WebhookReceipt.class, responseDescription = "What the webhook did")
    @APIResponse(responseCode = "404", description = "No such simulated session of yours")
    public Uni<WebhookReceipt> fail(@PathParam("sessionId") String sessionId) {
        return send(sessionId, PaymentEvent.ASYNC_FAILED, "unpaid");
    }

    @POST
    @Path("/expire")
    @Operation(operationId = "expireSimulatedPayment", summary = "Expire a simulated session (local stack)",
            description = "Sends checkout.session.expired through the webhook's path, as when the buyer leaves the page "
                    + "open past its expiry: the order expires and the cart unlocks.")
    @APIResponseSchema(value = WebhookReceipt.class, responseDescription = "What the webhook did")
    @APIResponse(responseCode = "404", description = "No such simulated session of yours")
    public Uni<WebhookReceipt> expire(@PathParam("sessionId") String sessionId) {
        return send(sessionId, PaymentEvent.EXPIRED, "unpaid");
    }

    private Uni<WebhookReceipt> send(String sessionId, String type, String paymentStatus) {
        return order(sessionId).chain(order -> {
            String payload = event(type, sessionId, order.id, paymentStatus);
            String signature;
            try {
                signature = Webhook.Signature.generateSignatureHeader(payload, webhook.secret());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign a simulated event", e);
            }
            return webhook.receive(payload, signature);
        });
    }

    /** A Stripe-format event about the session, as far as the webhook reads one. */
    private String event(String type, String sessionId, UUID orderId, String paymentStatus) {
        ObjectNode root = json.createObjectNode();
        root.put("id", "evt_simulated_" + Ids.newId().toString().replace("-", ""));
        root.put("object", "event");
        root.put("type", type);
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("livemode", false);
        ObjectNode session = root.putObject("data").putObject("object");
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("client_reference_id", orderId.toString());
        session.put("payment_status", paymentStatus);
        session.put("status", PaymentEvent.EXPIRED.equals(type) ? "expired" : "complete");
        session.put("payment_intent", "pi_simulated_" + orderId.toString().replace("-", ""));
        return root.toString();
    }

    /** The caller's order behind a simulated session; 404 when there is none, it is another's, or the provider is real. */
    private Uni<CustomerOrder> order(String sessionId) {
        if (!simulated.name().equals(settings.provider()) || !sessionId.startsWith(SimulatedProvider.SESSION_PREFIX)) {
            return Uni.createFrom().failure(DomainException.notFound("Simulated payment session " + sessionId));
        }
        return caller.actor().chain(actor -> Panache.withSession(
                () -> CustomerOrder.<CustomerOrder>find("paymentSessionId", sessionId).firstResult())
                .invoke(order -> {
                    if (order == null || !(actor.admin() || order.userId.equals(actor.id()))) {
                        throw DomainException.notFound("Simulated payment session " + sessionId);
                    }
                }));
    }
}
