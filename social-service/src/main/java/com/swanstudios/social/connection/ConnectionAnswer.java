package com.swanstudios.social.connection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a connection's status: the target's answer to a request, or a block by either side. */
@Schema(name = "ConnectionAnswer")
public record ConnectionAnswer(
        @NotNull @Pattern(regexp = ConnectionRules.ANSWERS, message = "must be accepted, declined or blocked")
        @Schema(enumeration = {"accepted", "declined", "blocked"}) String status) {
}
