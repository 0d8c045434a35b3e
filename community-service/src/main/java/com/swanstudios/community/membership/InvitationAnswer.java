package com.swanstudios.community.membership;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invitee's answer to an invitation. */
@Schema(name = "InvitationAnswer")
public record InvitationAnswer(
        @NotNull @Pattern(regexp = "^(accept|decline)$", message = "must be accept or decline")
        @Schema(enumeration = {"accept", "decline"}) String answer) {

    boolean accepts() {
        return "accept".equals(answer);
    }
}
