package com.swanstudios.user.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A partial profile update: a field left out (or null) stays as it is; an empty string clears an optional
 * text field.
 */
public record ProfileChange(
        @Size(min = 1, max = 60) String displayName,
        @Pattern(regexp = RegistrationRequest.USERNAME, message = "3-30 letters, digits, '_' or '.'") String username,
        @Size(max = 500) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 2000) String bio,
        @Size(max = 500) String fitnessGoal,
        @Pattern(regexp = "^$|beginner|intermediate|advanced", message = "must be beginner, intermediate or advanced") String experienceLevel,
        @Past LocalDate dateOfBirth,
        @Size(max = 500) String specialties,
        @Size(max = 1000) String certifications,
        @PositiveOrZero @Max(100_000_00) Long hourlyRateCents,
        @Pattern(regexp = "public|followers|private", message = "must be public, followers or private") String profileVisibility,
        Boolean discoverable) {
}
