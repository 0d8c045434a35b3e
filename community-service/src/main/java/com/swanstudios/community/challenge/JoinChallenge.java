package com.swanstudios.community.challenge;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Joining a challenge: a team challenge names the team (made on first use), any other names none. */
@Schema(name = "JoinChallenge")
public record JoinChallenge(
        @Size(min = 1, max = 40) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        @Schema(nullable = true, description = "The team to join or found (any case); team challenges only") String team) {
}
