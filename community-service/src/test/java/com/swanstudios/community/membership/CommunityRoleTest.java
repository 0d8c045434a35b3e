package com.swanstudios.community.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swanstudios.platform.kit.problem.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The role hierarchy on its own: every role acting on every other, as plain logic. */
class CommunityRoleTest {

    private static final List<CommunityRole> ALL = List.of(CommunityRole.values());

    @Test
    void theRanksRunFromMemberToOwner() {
        assertThat(ALL).containsExactly(CommunityRole.MEMBER, CommunityRole.CONTRIBUTOR, CommunityRole.MODERATOR,
                CommunityRole.ADMIN, CommunityRole.OWNER);
        assertThat(CommunityRole.OWNER.outranks(CommunityRole.ADMIN)).isTrue();
        assertThat(CommunityRole.ADMIN.outranks(CommunityRole.ADMIN)).isFalse();
        assertThat(CommunityRole.of("moderator")).isEqualTo(CommunityRole.MODERATOR);
        assertThat(CommunityRole.MODERATOR.value()).isEqualTo("moderator");
    }

    @Test
    void aRoleChangesOnlyRolesStrictlyBelowItToRolesStrictlyBelowIt() {
        for (CommunityRole actor : ALL) {
            for (CommunityRole current : ALL) {
                for (CommunityRole granted : ALL) {
                    boolean allowed = actor.rank() > current.rank() && actor.rank() > granted.rank()
                            && granted != CommunityRole.OWNER;
                    String what = actor + " sets " + current + " to " + granted;
                    if (allowed) {
                        assertThatCode(() -> CommunityRole.requireMayChangeRole(actor, current, granted)).as(what)
                                .doesNotThrowAnyException();
                    } else {
                        assertThatThrownBy(() -> CommunityRole.requireMayChangeRole(actor, current, granted)).as(what)
                                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).status())
                                .isEqualTo(403);
                    }
                }
                assertThatThrownBy(() -> CommunityRole.requireMayChangeRole(null, current, CommunityRole.MEMBER))
                        .as("a non-member changes nobody").isInstanceOf(DomainException.class);
            }
        }
    }

    @Test
    void aRoleRemovesOnlyMembersStrictlyBelowItAndNobodyRemovesTheOwner() {
        for (CommunityRole actor : ALL) {
            for (CommunityRole target : ALL) {
                String what = actor + " removes " + target;
                if (target == CommunityRole.OWNER) {
                    assertThatThrownBy(() -> CommunityRole.requireMayRemove(actor, target)).as(what)
                            .extracting(e -> ((DomainException) e).status()).isEqualTo(409);
                } else if (actor.outranks(target)) {
                    assertThatCode(() -> CommunityRole.requireMayRemove(actor, target)).as(what).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> CommunityRole.requireMayRemove(actor, target)).as(what)
                            .extracting(e -> ((DomainException) e).status()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void moderationEditingAndOwnershipNeedTheirRanks() {
        for (CommunityRole actor : ALL) {
            boolean moderates = actor.rank() >= CommunityRole.MODERATOR.rank();
            boolean edits = actor.rank() >= CommunityRole.ADMIN.rank();
            check(() -> CommunityRole.requireMayModerate(actor, "invite"), moderates, actor + " moderates");
            check(() -> CommunityRole.requireMayEditCommunity(actor), edits, actor + " edits");
            check(() -> CommunityRole.requireMayTransferOwnership(actor), actor == CommunityRole.OWNER, actor + " hands over");
            check(() -> CommunityRole.requireMayLeave(actor), actor != CommunityRole.OWNER, actor + " leaves");
        }
        check(() -> CommunityRole.requireMayModerate(null, "invite"), false, "a non-member moderates");
    }

    @Test
    void theHeirOfAGoneOwnerIsTheHighestRoleThenTheLongestStanding() {
        OffsetDateTime t = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        Membership earlyModerator = row("moderator", t);
        Membership lateAdmin = row("admin", t.plusDays(2));
        Membership earlyAdmin = row("admin", t.plusDays(1));
        Membership member = row("member", t.minusDays(9));
        assertThat(Members.successor(List.of(earlyModerator, lateAdmin, member, earlyAdmin))).contains(earlyAdmin);
        assertThat(Members.successor(List.of(member))).contains(member);
        assertThat(Members.successor(List.of())).isEmpty();
    }

    private static Membership row(String role, OffsetDateTime joined) {
        Membership m = Members.newRow(UUID.randomUUID(), UUID.randomUUID(), CommunityRole.of(role), Membership.ACTIVE);
        m.joinedAt = joined;
        return m;
    }

    private static void check(Runnable rule, boolean allowed, String what) {
        if (allowed) {
            assertThatCode(rule::run).as(what).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(rule::run).as(what).isInstanceOf(DomainException.class);
        }
    }
}
