package com.swanstudios.social.connection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to connect with another user. */
@Schema(name = "NewConnection")
public record NewConnection(
        @NotNull UUID targetUserId,
        @NotNull @Pattern(regexp = ConnectionRules.TYPES, message = "must be follow, friend or trainer_client")
        @Schema(enumeration = {"follow", "friend", "trainer_client"}) String type) {
}
