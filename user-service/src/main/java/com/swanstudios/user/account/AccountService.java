package com.swanstudios.user.account;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem.FieldError;
import com.swanstudios.platform.kit.security.TokenRevocations;
import com.swanstudios.user.mfa.MfaService;
import com.swanstudios.user.token.RefreshTokens;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Accounts: creation, profile, role and erasure, each change announced on identity.user.v1 in its transaction. */
@ApplicationScoped
public class AccountService {

    private final UserEvents events;
    private final RefreshTokens refreshTokens;
    private final TokenRevocations revocations;

    public AccountService(UserEvents events, RefreshTokens refreshTokens, TokenRevocations revocations) {
        this.events = events;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
    }

    /** @param passwordHash already hashed (hashing is slow and runs off the event loop, before this) */
    @WithTransaction
    public Uni<UserAccount> register(RegistrationRequest request, String passwordHash, String role, boolean addressProven) {
        return UserAccount.findByEmail(request.email())
                .invoke(existing -> {
                    if (existing != null) {
                        throw conflict("email", "is already registered");
                    }
                })
                .chain(() -> UserAccount.usernameTaken(request.username(), new UUID(0, 0)))
                .chain(taken -> {
                    if (taken) {
                        throw conflict("username", "is taken");
                    }
                    UserAccount account = new UserAccount();
                    account.id = Ids.newId();
                    account.email = request.email().strip();
                    account.username = request.username();
                    account.displayName = request.displayName().strip();
                    account.passwordHash = passwordHash;
                    account.role = role;
                    account.status = UserAccount.ACTIVE;
                    account.profileVisibility = "public";
                    account.discoverable = true;
                    account.createdAt = now();
                    account.updatedAt = account.createdAt;
                    account.emailVerifiedAt = addressProven ? account.createdAt : null;
                    return account.<UserAccount>persist();
                })
                .call(account -> events.publishState(account, UserEvents.REGISTERED));
    }

    @WithSession
    public Uni<UserAccount> active(UUID id) {
        return UserAccount.<UserAccount>findById(id).map(account -> {
            if (account == null || !account.active()) {
                throw DomainException.notFound("User " + id);
            }
            return account;
        });
    }

    /**
     * Accounts matching every filter given, in id order (UUIDv7: sign-up order) after {@code after}: {@code q}
     * is found anywhere in the email, username or display name, case-insensitively. Erased accounts appear only
     * when asked for by status. Reads up to {@code limit + 1} rows to know whether a next page exists.
     */
    @WithSession
    public Uni<List<UserAccount>> search(String q, String role, String status, UUID after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(email) like :q escape '\\' or lower(username) like :q escape '\\'"
                    + " or lower(displayName) like :q escape '\\')");
            parameters.and("q", "%" + q.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (role != null) {
            where.append(" and role = :role");
            parameters.and("role", role);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        } else {
            where.append(" and status <> 'deleted'");
        }
        if (after != null) {
            where.append(" and id > :after");
            parameters.and("after", after);
        }
        return UserAccount.<UserAccount>find(where + " order by id", parameters).range(0, limit).list();
    }

    @WithSession
    public Uni<AccountViews.PublicProfile> publicProfile(UUID id, UUID viewer, boolean viewerIsAdmin) {
        return active(id).map(account -> AccountViews.PublicProfile.of(account,
                "public".equals(account.profileVisibility) || account.id.equals(viewer) || viewerIsAdmin));
    }

    /** Merge-patch: fields left out stay; optional fields sent as null or "" are cleared; required ones cannot be. */
    @WithTransaction
    public Uni<UserAccount> changeProfile(UUID id, ProfileChange change) {
        List<FieldError> uncleared = change.requiredFieldsSentAsNull().stream()
                .map(field -> new FieldError(field, "cannot be cleared")).toList();
        if (!uncleared.isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalid(uncleared));
        }
        return active(id)
                .call(account -> change.username() == null || change.username().equalsIgnoreCase(account.username)
                        ? Uni.createFrom().voidItem()
                        : UserAccount.usernameTaken(change.username(), id).invoke(taken -> {
                            if (taken) {
                                throw conflict("username", "is taken");
                            }
                        }).replaceWithVoid())
                .invoke(account -> {
                    set(change, "displayName", () -> account.displayName = change.displayName().strip());
                    set(change, "username", () -> account.username = change.username());
                    set(change, "profileVisibility", () -> account.profileVisibility = change.profileVisibility());
                    set(change, "discoverable", () -> account.discoverable = change.discoverable());
                    set(change, "avatarUrl", () -> account.avatarUrl = blankToNull(change.avatarUrl()));
                    set(change, "bio", () -> account.bio = blankToNull(change.bio()));
                    set(change, "fitnessGoal", () -> account.fitnessGoal = blankToNull(change.fitnessGoal()));
                    set(change, "experienceLevel", () -> account.experienceLevel = blankToNull(change.experienceLevel()));
                    set(change, "specialties", () -> account.specialties = blankToNull(change.specialties()));
                    set(change, "certifications", () -> account.certifications = blankToNull(change.certifications()));
                    set(change, "dateOfBirth", () -> account.dateOfBirth = change.dateOfBirth());
                    set(change, "hourlyRateCents", () -> account.hourlyRateCents = change.hourlyRateCents());
                    account.updatedAt = now();
                })
                .call(account -> events.publishState(account, UserEvents.PROFILE_CHANGED));
    }

    /**
     * A promotion keeps the user signed in: their next refresh carries the new role. A demotion voids the
     * tokens they hold at every service (they refresh and get the lesser role). The last admin cannot be demoted.
     */
    @WithTransaction
    public Uni<UserAccount> changeRole(UUID id, String role) {
        if (!Roles.ALL.contains(role)) {
            return Uni.createFrom().failure(DomainException.invalidField("role", "must be one of user, client, trainer, admin"));
        }
        return active(id).call(account -> {
            if (role.equals(account.role)) {
                return Uni.createFrom().voidItem();
            }
            return requireAnotherAdminIfAdmin(account)
                    .chain(() -> {
                        boolean demotion = Roles.isDemotion(account.role, role);
                        account.role = role;
                        account.updatedAt = now();
                        return demotion ? revokeTokens(account) : Uni.createFrom().voidItem();
                    })
                    .chain(() -> events.publishState(account, UserEvents.ROLE_CHANGED));
        });
    }

    /**
     * Suspends (or reinstates) an account: a suspended one cannot sign in, its sessions end and its tokens are
     * void at every service; the other services see the status on identity.user.v1. The last admin cannot be
     * suspended.
     */
    @WithTransaction
    public Uni<UserAccount> changeStatus(UUID id, String status, String reason) {
        return UserAccount.<UserAccount>findById(id).call(account -> {
            if (account == null || UserAccount.DELETED.equals(account.status)) {
                throw DomainException.notFound("User " + id);
            }
            if (status.equals(account.status)) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> allowed = UserAccount.SUSPENDED.equals(status) ? requireAnotherAdminIfAdmin(account) : Uni.createFrom().voidItem();
            return allowed.chain(() -> {
                account.status = status;
                account.suspendedReason = UserAccount.SUSPENDED.equals(status) ? reason.strip() : null;
                account.updatedAt = now();
                return UserAccount.SUSPENDED.equals(status)
                        ? revokeTokens(account).chain(() -> refreshTokens.deleteAllFor(account.id))
                        : Uni.createFrom().voidItem();
            }).chain(() -> events.publishState(account, UserEvents.STATUS_CHANGED));
        });
    }

    /**
     * Sign out everywhere, in the caller's transaction: every session ends, every access token is void at
     * every service, and the change is announced. What a password change, a reset and "sign out everywhere" do.
     */
    public Uni<Void> endEverySession(UserAccount account) {
        return refreshTokens.revokeAll(account.id)
                .chain(() -> MfaService.endChallenges(account.id))
                .chain(() -> revokeTokens(account))
                .chain(() -> events.publishState(account, UserEvents.TOKENS_REVOKED))
                .replaceWithVoid();
    }

    /**
     * Every access token the user holds stops working at every service ("sign out everywhere", and the part of
     * a demotion, suspension, password change and erasure that must act at once). Their refresh tokens are the
     * caller's business: a demotion keeps them, the others end them. Announced with the caller's event.
     */
    public Uni<Void> revokeTokens(UserAccount account) {
        // whole seconds, rounded up: tokens carry iat in seconds, and every token issued before now has iat < this;
        // and always past the last one, whose tokens (issued with iat = that instant) a second revocation in the
        // same second must void too
        Instant validAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        if (account.tokensValidAfter != null && !validAfter.isAfter(account.tokensValidAfter.toInstant())) {
            validAfter = account.tokensValidAfter.toInstant().plusSeconds(1);
        }
        account.tokensValidAfter = OffsetDateTime.ofInstant(validAfter, ZoneOffset.UTC);
        return revocations.raise(account.id, validAfter);
    }

    /** A first purchase makes a {@code user} a {@code client}; any other role stays. Idempotent. */
    public Uni<Boolean> upgradeToClient(UUID id) {
        return UserAccount.<UserAccount>findById(id).chain(account -> {
            if (account == null || !account.active() || !Roles.USER.equals(account.role)) {
                return Uni.createFrom().item(false);
            }
            account.role = Roles.CLIENT;
            account.updatedAt = now();
            return events.publishState(account, UserEvents.ROLE_CHANGED).replaceWith(true);
        });
    }

    /**
     * Erases personal data (email, names, profile, credentials, second factor, refresh tokens) in one transaction with the
     * deleted state and the tombstone. The id stays, anonymous, so counts and orders elsewhere hold.
     */
    @WithTransaction
    public Uni<Void> erase(UUID id) {
        return active(id)
                .call(AccountService::requireAnotherAdminIfAdmin)
                .call(account -> refreshTokens.deleteAllFor(account.id))
                .call(account -> MfaService.forget(account.id))
                .invoke(account -> {
                    account.email = null;
                    account.username = null;
                    account.passwordHash = null;
                    account.displayName = "Deleted user";
                    account.avatarUrl = null;
                    account.bio = null;
                    account.fitnessGoal = null;
                    account.experienceLevel = null;
                    account.dateOfBirth = null;
                    account.specialties = null;
                    account.certifications = null;
                    account.hourlyRateCents = null;
                    account.discoverable = false;
                    account.profileVisibility = "private";
                    account.status = UserAccount.DELETED;
                    account.deletedAt = now();
                    account.updatedAt = account.deletedAt;
                })
                .call(this::revokeTokens)
                .call(events::publishErasure)
                .replaceWithVoid();
    }

    private static void set(ProfileChange change, String field, Runnable apply) {
        if (change.has(field)) {
            apply.run();
        }
    }

    /**
     * Someone must be left who can change roles: an admin may stop being one only while another exists.
     * Locks every admin row, always in id order, so two admins demoting each other at once queue up
     * instead of both passing this check (or deadlocking).
     */
    private static Uni<Void> requireAnotherAdminIfAdmin(UserAccount admin) {
        if (!Roles.ADMIN.equals(admin.role)) {
            return Uni.createFrom().voidItem();
        }
        return UserAccount.<UserAccount>find("role = ?1 and status = ?2 order by id", Roles.ADMIN, UserAccount.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .invoke(admins -> {
                    if (admins.stream().allMatch(other -> other.id.equals(admin.id))) {
                        throw new DomainException(409, "last-admin", "Conflict",
                                "This is the only admin account; make another admin first");
                    }
                })
                .replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static DomainException conflict(String field, String message) {
        return new DomainException(409, "conflict", "Conflict", field + " " + message, List.of(new FieldError(field, message)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
