package com.swanstudios.cart.orders;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Your orders, newest first; an admin may read anyone's. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Orders", description = "What you bought: each checkout's order, its lines and where its payment stands")
public class OrdersResource {

    private final Caller caller;

    public OrdersResource(Caller caller) {
        this.caller = caller;
    }

    /** One page of orders. */
    @Schema(name = "OrderPage")
    public record OrderPage(List<OrderView> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }

    @GET
    @WithSession
    @Operation(operationId = "listOrders", summary = "Your orders",
            description = "Your orders, newest first, a page at a time. An admin may name another user with userId.")
    @APIResponseSchema(value = OrderPage.class, responseDescription = "A page of orders")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "403", description = "userId names someone else and you are not an admin")
    public Uni<OrderPage> list(@Parameter(description = "Whose orders (admin only; yours by default)") @QueryParam("userId") UUID userId,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(me -> whose(me, userId)).chain(owner -> (after == null
                        ? CustomerOrder.<CustomerOrder>find("userId = ?1 order by id desc", owner)
                        : CustomerOrder.<CustomerOrder>find("userId = ?1 and id < ?2 order by id desc", owner, after))
                .page(0, limit + 1).list())
                .chain(found -> {
                    IdCursor.Slice<CustomerOrder> page = IdCursor.slice(found, limit, order -> order.id);
                    return lines(page.items()).map(lines -> new OrderPage(page.items().stream()
                            .map(order -> OrderView.of(order, lines.getOrDefault(order.id, List.of()))).toList(), page.nextCursor()));
                });
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getOrder", summary = "One order", description = "One of your orders (an admin: anyone's).")
    @APIResponseSchema(value = OrderView.class, responseDescription = "The order")
    @APIResponse(responseCode = "404", description = "No such order of yours")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> CustomerOrder.<CustomerOrder>findById(id)
                .invoke(order -> {
                    if (order == null || !(actor.admin() || order.userId.equals(actor.id()))) {
                        throw DomainException.notFound("Order " + id);
                    }
                }))
                .chain(Orders::view);
    }

    private Uni<UUID> whose(UUID me, UUID requested) {
        if (requested == null || requested.equals(me)) {
            return Uni.createFrom().item(me);
        }
        return caller.requireAdmin("read another user's orders").replaceWith(requested);
    }

    private static Uni<Map<UUID, List<OrderItem>>> lines(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return OrderItem.<OrderItem>list("orderId in ?1 order by packageName, packageId", orders.stream().map(o -> o.id).toList())
                .map(items -> items.stream().collect(Collectors.groupingBy(i -> i.orderId)));
    }
}
