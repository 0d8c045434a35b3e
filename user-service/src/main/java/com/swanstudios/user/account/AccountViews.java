package com.swanstudios.user.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the account API answers with. */
public final class AccountViews {

    private AccountViews() {
    }

    /** The owner's own view: everything, including email and private profile fields. */
    public record Me(UUID id, String email, String username, String displayName, String role, String avatarUrl, String bio,
            String fitnessGoal, String experienceLevel, LocalDate dateOfBirth, String specialties, String certifications,
            Long hourlyRateCents, String profileVisibility, boolean discoverable, OffsetDateTime createdAt, long version) {

        public static Me of(UserAccount a) {
            return new Me(a.id, a.email, a.username, a.displayName, a.role, a.avatarUrl, a.bio, a.fitnessGoal,
                    a.experienceLevel, a.dateOfBirth, a.specialties, a.certifications, a.hourlyRateCents,
                    a.profileVisibility, a.discoverable, a.createdAt, a.version);
        }
    }

    /**
     * What others see. A public profile shows the profile fields (never email or date of birth); a
     * followers-only or private one shows just who the user is. Trainer fields only for trainers.
     */
    public record PublicProfile(UUID id, String username, String displayName, String avatarUrl, String role,
            String profileVisibility, String bio, String fitnessGoal, String experienceLevel, String specialties,
            String certifications, Long hourlyRateCents) {

        public static PublicProfile of(UserAccount a, boolean full) {
            boolean trainer = Roles.TRAINER.equals(a.role);
            return new PublicProfile(a.id, a.username, a.displayName, a.avatarUrl, a.role, a.profileVisibility,
                    full ? a.bio : null, full ? a.fitnessGoal : null, full ? a.experienceLevel : null,
                    full && trainer ? a.specialties : null, full && trainer ? a.certifications : null,
                    full && trainer ? a.hourlyRateCents : null);
        }
    }
}
