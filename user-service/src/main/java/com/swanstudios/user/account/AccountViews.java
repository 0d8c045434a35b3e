package com.swanstudios.user.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the account API answers with. */
public final class AccountViews {

    private AccountViews() {
    }

    /** The owner's own view: everything, including email and private profile fields. */
    @Schema(name = "Account")
    public record Me(UUID id, String email, String username, String displayName,
            @Schema(description = "user, client, trainer or admin") String role,
            @Schema(nullable = true) String avatarUrl, @Schema(nullable = true) String bio,
            @Schema(nullable = true) String fitnessGoal,
            @Schema(nullable = true, description = "beginner, intermediate or advanced") String experienceLevel,
            @Schema(nullable = true, implementation = String.class, format = "date") LocalDate dateOfBirth, @Schema(nullable = true) String specialties,
            @Schema(nullable = true) String certifications, @Schema(nullable = true) Long hourlyRateCents,
            @Schema(description = "public, followers or private") String profileVisibility, boolean discoverable,
            @Schema(description = "Whether the address was confirmed by the mailed link; until then you cannot publish "
                    + "what others see (posts, comments, communities)") boolean emailVerified,
            OffsetDateTime createdAt, @Schema(description = "Increases with every change") long version) {

        public static Me of(UserAccount a) {
            return new Me(a.id, a.email, a.username, a.displayName, a.role, a.avatarUrl, a.bio, a.fitnessGoal,
                    a.experienceLevel, a.dateOfBirth, a.specialties, a.certifications, a.hourlyRateCents,
                    a.profileVisibility, a.discoverable, a.emailVerifiedAt != null, a.createdAt, a.version);
        }
    }

    /**
     * What others see. A public profile shows the profile fields (never email or date of birth); a
     * followers-only or private one shows just who the user is. Trainer fields only for trainers.
     */
    public record PublicProfile(UUID id, String username, String displayName, @Schema(nullable = true) String avatarUrl,
            @Schema(description = "user, client, trainer or admin") String role,
            @Schema(description = "public, followers or private") String profileVisibility,
            @Schema(nullable = true) String bio, @Schema(nullable = true) String fitnessGoal,
            @Schema(nullable = true) String experienceLevel, @Schema(nullable = true) String specialties,
            @Schema(nullable = true) String certifications, @Schema(nullable = true) Long hourlyRateCents) {

        public static PublicProfile of(UserAccount a, boolean full) {
            boolean trainer = Roles.TRAINER.equals(a.role);
            return new PublicProfile(a.id, a.username, a.displayName, a.avatarUrl, a.role, a.profileVisibility,
                    full ? a.bio : null, full ? a.fitnessGoal : null, full ? a.experienceLevel : null,
                    full && trainer ? a.specialties : null, full && trainer ? a.certifications : null,
                    full && trainer ? a.hourlyRateCents : null);
        }
    }

    /** What an admin sees of an account in the user administration. */
    @Schema(name = "AdministeredAccount")
    public record Administered(UUID id, String email, String username, String displayName,
            @Schema(description = "user, client, trainer or admin") String role,
            @Schema(description = "active, suspended or deleted") String status,
            @Schema(nullable = true, description = "Why it was suspended; set only while suspended") String suspendedReason,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        public static Administered of(UserAccount a) {
            return new Administered(a.id, a.email, a.username, a.displayName, a.role, a.status, a.suspendedReason,
                    a.createdAt, a.updatedAt, a.version);
        }
    }

    /** A page of administered accounts, oldest first; {@code nextCursor} is null on the last page. */
    @Schema(name = "AdministeredAccountPage")
    public record AdministeredPage(List<Administered> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }
}
