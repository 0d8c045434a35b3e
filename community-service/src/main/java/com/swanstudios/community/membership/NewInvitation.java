package com.swanstudios.community.membership;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom to invite into a community. */
@Schema(name = "NewInvitation")
public record NewInvitation(@NotNull UUID userId) {
}
