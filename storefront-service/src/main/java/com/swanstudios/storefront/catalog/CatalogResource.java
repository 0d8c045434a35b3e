package com.swanstudios.storefront.catalog;

import com.swanstudios.platform.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The catalog over HTTP: public reads, admin writes. Thin: rules live in {@link CatalogService}. */
@Path("/api/storefront/packages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private static final CacheControl PUBLIC_SHORT = CacheControl.valueOf("public, max-age=30");
    private static final CacheControl PRIVATE = CacheControl.valueOf("private, no-store");

    private final CatalogService catalog;
    private final Caller caller;

    public CatalogResource(CatalogService catalog, Caller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "Active packages in display order; admins may add includeInactive=true")
    public Uni<Response> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        Uni<Void> allowed = includeInactive ? caller.requireAdmin("list inactive packages") : Uni.createFrom().voidItem();
        CacheControl caching = includeInactive ? PRIVATE : PUBLIC_SHORT;
        return allowed.chain(() -> catalog.list(after, limit, includeInactive))
                .map(page -> conditional(ifNoneMatch, new EntityTag(digest(page), true), caching, page));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return catalog.get(id).map(view -> conditional(ifNoneMatch, EntityTag.valueOf(view.etag()), PUBLIC_SHORT, view));
    }

    /** 304 when If-None-Match names this tag, else 200 with the body; both carry the tag and the caching. */
    private static Response conditional(String ifNoneMatch, EntityTag tag, CacheControl caching, Object body) {
        Response.ResponseBuilder answer = Preconditions.noneMatch(ifNoneMatch, tag.toString())
                ? Response.notModified()
                : Response.ok(body);
        return answer.tag(tag).cacheControl(caching).build();
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(@Valid @NotNull PackageRequest request, @Context UriInfo uri) {
        return catalog.create(request).map(view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view).tag(EntityTag.valueOf(view.etag())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Replace a package; send If-Match with the ETag you read (412 when someone changed it meanwhile)")
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PackageRequest request) {
        return catalog.replace(id, Preconditions.expectedVersion(ifMatch), request)
                .map(view -> Response.ok(view).tag(EntityTag.valueOf(view.etag())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Deactivate a package (it stays readable, so old orders keep their meaning)")
    public Uni<Response> deactivate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return catalog.deactivate(id, Preconditions.expectedVersion(ifMatch)).map(ignored -> Response.noContent().build());
    }

    private static String digest(CatalogPage page) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            page.items().forEach(item -> sha.update((item.id() + ":" + item.version() + ";").getBytes(StandardCharsets.UTF_8)));
            sha.update(String.valueOf(page.nextCursor()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
