package com.swanstudios.cart.payments;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The payment provider's notifications. Public: the signature, not a token, says who sent one. */
@Path("/api/payments/webhook")
@PermitAll
@Tag(name = "Payments", description = "How payments reach the platform: the provider's signed notifications, and the "
        + "local stack's simulated payment page")
public class WebhookResource {

    private final PaymentWebhook webhook;

    public WebhookResource(PaymentWebhook webhook) {
        this.webhook = webhook;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receivePaymentEvent", summary = "A payment provider's event",
            description = "A Stripe-format event, verified with the Stripe-Signature header against the configured endpoint "
                    + "secret. checkout.session.completed with payment_status paid (or async_payment_succeeded) marks the order "
                    + "of client_reference_id paid and grants its session credits exactly once; async_payment_failed and expired "
                    + "end the order and unlock the cart; other types are answered 200 and ignored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The provider's event, exactly as it was signed")))
    @APIResponseSchema(value = WebhookReceipt.class, responseDescription = "Received (also for a repeat, or an event ignored)")
    @APIResponse(responseCode = "400", description = "The signature is missing, wrong or too old, or the body is not an event: "
            + "nothing changed")
    @APIResponse(responseCode = "503", description = "No webhook secret is configured")
    public Uni<WebhookReceipt> receive(String payload, @HeaderParam("Stripe-Signature") String signature) {
        return Uni.createFrom().deferred(() -> webhook.receive(payload, signature));
    }
}
