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
import com.swanstudios.platform.kit.openapi.Audience;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalog over HTTP: public reads, answered from memory ({@link CatalogCache}), and admin writes. Thin:
 * rules live in {@link CatalogService}.
 */
@Path("/api/storefront/packages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Training packages: public reads, admin writes")
public class CatalogResource {

    private static final CacheControl PUBLIC_SHORT = CacheControl.valueOf("public, max-age=30");
    private static final CacheControl PRIVATE = CacheControl.valueOf("private, no-store");

    private final CatalogService catalog;
    private final CatalogCache cache;
    private final Caller caller;

    public CatalogResource(CatalogService catalog, CatalogCache cache, Caller caller) {
        this.catalog = catalog;
        this.cache = cache;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listPackages", summary = "List packages",
            description = "Active packages in display order, a page at a time (follow `nextCursor`). Admins may add "
                    + "`includeInactive=true` (with a bearer token). Send `If-None-Match` with the ETag you hold to get "
                    + "304 when nothing changed.")
    @SecurityRequirementsSet
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "A page of packages", headers = {@Header(ref = "ETag"),
            @Header(ref = "Cache-Control")}, content = @Content(schema = @Schema(implementation = CatalogPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match",
            headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")})
    @APIResponse(responseCode = "401", description = "includeInactive=true without a valid access token")
    @APIResponse(responseCode = "403", description = "includeInactive=true from someone who is not an admin")
    public Uni<Response> list(
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        Uni<Void> allowed = includeInactive ? caller.requireAdmin("list inactive packages") : Uni.createFrom().voidItem();
        CacheControl caching = includeInactive ? PRIVATE : PUBLIC_SHORT;
        return allowed.chain(() -> cache.page(cursor, limit, includeInactive, () -> catalog.list(after, limit, includeInactive),
                        page -> new EntityTag(digest(page), true).toString()))
                .map(page -> conditional(ifNoneMatch, page, caching));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPackage", summary = "One package",
            description = "Inactive packages stay readable, so old orders keep their meaning. The ETag is the "
                    + "package's version: send it in If-Match to change the package.")
    @APIResponse(responseCode = "200", description = "The package", headers = {@Header(ref = "ETag"),
            @Header(ref = "Cache-Control")}, content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match",
            headers = {@Header(ref = "ETag"), @Header(ref = "Cache-Control")})
    @APIResponse(responseCode = "404", description = "No such package")
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return cache.item(id, () -> catalog.get(id), PackageView::etag)
                .map(view -> conditional(ifNoneMatch, view, PUBLIC_SHORT));
    }

    /** 304 when If-None-Match names this tag, else 200 with the body; both carry the tag and the caching. */
    private static Response conditional(String ifNoneMatch, CatalogCache.Cached answer, CacheControl caching) {
        Response.ResponseBuilder response = Preconditions.noneMatch(ifNoneMatch, answer.etag())
                ? Response.notModified()
                : Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE);
        return response.header("ETag", answer.etag()).cacheControl(caching).build();
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "createPackage",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Create a package (admin)",
            description = "Requires the `admin` role. The service computes the total sessions and cost; "
                    + "other services learn of the package through `storefront.package.v1`.")
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(ref = "ETag"),
            @Header(name = "Location", description = "The new package's address", schema = @Schema(type = org.eclipse
                    .microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri"))},
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "409", description = "The name is taken for this type, or the display order by "
            + "another active package")
    public Uni<Response> create(@Valid @NotNull PackageRequest request, @Context UriInfo uri) {
        return catalog.create(request).invoke(cache::invalidate)
                .map(view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view).tag(EntityTag.valueOf(view.etag())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "replacePackage",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Replace a package (admin)",
            description = "Requires the `admin` role. Send If-Match with the ETag you read: 412 when someone changed "
                    + "the package meanwhile, 428 without it. `active: true` reactivates a package.")
    @APIResponse(responseCode = "200", description = "The package after the change", headers = @Header(ref = "ETag"),
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "409", description = "The name is taken for this type, or the display order by "
            + "another active package")
    @APIResponse(responseCode = "412", description = "The package changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PackageRequest request) {
        return catalog.replace(id, Preconditions.expectedVersion(ifMatch), request).invoke(cache::invalidate)
                .map(view -> Response.ok(view).tag(EntityTag.valueOf(view.etag())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "deactivatePackage",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Deactivate a package (admin)",
            description = "Requires the `admin` role and If-Match. The package leaves the listing but stays readable, "
                    + "so old orders keep their meaning.")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "412", description = "The package changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> deactivate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return catalog.deactivate(id, Preconditions.expectedVersion(ifMatch)).invoke(cache::invalidate)
                .map(ignored -> Response.noContent().build());
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
