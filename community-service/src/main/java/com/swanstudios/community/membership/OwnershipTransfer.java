package com.swanstudios.community.membership;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The owner hands the community over to one of its active members. */
@Schema(name = "OwnershipTransfer")
public record OwnershipTransfer(@NotNull @Schema(description = "An active member, who becomes the owner") UUID userId) {
}
