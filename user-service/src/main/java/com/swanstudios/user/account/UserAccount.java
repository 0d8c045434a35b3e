package com.swanstudios.user.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person's account: credentials, role and profile. The id is the platform-wide user id (UUIDv7). */
@Entity
@Table(name = "user_account")
public class UserAccount extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String DELETED = "deleted";

    @Id
    public UUID id;
    public String email;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @Column(nullable = false)
    public String role;
    @Column(nullable = false)
    public String status;
    @Column(name = "avatar_url")
    public String avatarUrl;
    public String bio;
    @Column(name = "fitness_goal")
    public String fitnessGoal;
    @Column(name = "experience_level")
    public String experienceLevel;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    public String specialties;
    public String certifications;
    @Column(name = "hourly_rate_cents")
    public Long hourlyRateCents;
    @Column(name = "profile_visibility", nullable = false)
    public String profileVisibility;
    @Column(nullable = false)
    public boolean discoverable;
    @Version
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    /** Access tokens issued before this are void everywhere (see AccountService#revokeTokens). */
    @Column(name = "tokens_valid_after")
    public OffsetDateTime tokensValidAfter;
    @Column(name = "suspended_reason")
    public String suspendedReason;
    /** When the address was proven by a mailed link (or a reset); null until then. */
    @Column(name = "email_verified_at")
    public OffsetDateTime emailVerifiedAt;
    @Column(name = "verification_reminded_at")
    public OffsetDateTime verificationRemindedAt;

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public static Uni<UserAccount> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResult();
    }

    public static Uni<Boolean> usernameTaken(String username, UUID except) {
        return count("lower(username) = lower(?1) and id <> ?2", username, except).map(n -> n > 0);
    }
}
