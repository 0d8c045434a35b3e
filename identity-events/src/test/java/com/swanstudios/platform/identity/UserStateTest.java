package com.swanstudios.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ID = UUID.fromString("01a23eb6-2cfb-76b6-85df-1eba0691d63d");

    @Test
    void aStateIsReadAsUserServicePublishesIt() {
        UserState user = UserState.parse(JSON, state("\"status\":\"active\",\"profileVisibility\":\"public\",\"discoverable\":true,"
                + "\"emailVerified\":false,\"tokensValidAfter\":\"2026-12-04T00:00:00Z\",\"aFieldAddedLater\":1"));
        assertThat(user).isEqualTo(new UserState(ID, 7, "cy_s", "Cy", null, "user", "active", "public", true, false));
        assertThat(user.deleted()).isFalse();
    }

    @Test
    void whatSomeConsumersNeedIsNullWhenAbsentAndAnAbsentVerificationMeansVerified() {
        UserState user = UserState.parse(JSON, state("\"status\":\"active\""));
        assertThat(user.profileVisibility()).isNull();
        assertThat(user.discoverable()).isNull();
        assertThat(user.emailVerified()).isTrue();
        assertThatThrownBy(() -> UserState.required(user.profileVisibility(), "profileVisibility"))
                .isInstanceOf(PoisonMessageException.class).hasMessage("a user state without profileVisibility");
    }

    @Test
    void aStateThatBreaksTheContractIsPoison() {
        assertThatThrownBy(() -> UserState.parse(JSON, "{\"id\":\"" + ID + "\",\"version\":1,\"role\":\"user\",\"status\":\"active\"}"))
                .isInstanceOf(PoisonMessageException.class).hasMessage("a user state without displayName");
        assertThatThrownBy(() -> UserState.parse(JSON, state("\"status\":\"active\",\"emailVerified\":\"yes\"")))
                .isInstanceOf(PoisonMessageException.class).hasMessage("a user state whose emailVerified is not a boolean");
        assertThatThrownBy(() -> UserState.tombstoneId("not-a-uuid")).isInstanceOf(PoisonMessageException.class);
    }

    @Test
    void aDeletedUserIsKeptScrubbed() {
        UserState deleted = UserState.parse(JSON, state("\"status\":\"deleted\",\"profileVisibility\":\"public\",\"discoverable\":true"));
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.scrubbed()).isEqualTo(new UserState(ID, 7, null, UserState.DELETED_NAME, null, "user", "deleted",
                "private", false, false));
    }

    private static String state(String rest) {
        return "{\"id\":\"" + ID + "\",\"version\":7,\"username\":\"cy_s\",\"displayName\":\"Cy\",\"avatarUrl\":null,"
                + "\"role\":\"user\"," + rest + "}";
    }
}
