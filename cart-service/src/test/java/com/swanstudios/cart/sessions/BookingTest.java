package com.swanstudios.cart.sessions;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slots and bookings against the real ledger and the database's overlap rules. */
@QuarkusTest
class BookingTest {

    static final UUID TRAINER = UUID.randomUUID();
    static final UUID OTHER_TRAINER = UUID.randomUUID();
    static final UUID ADMIN = UUID.randomUUID();
    /** Each test's slots start at their own hours, so no two tests' slots overlap. */
    static final AtomicInteger HOURS = new AtomicInteger(48);

    @BeforeAll
    static void trainers() {
        trainer(TRAINER, "Tess Trainer");
        trainer(OTHER_TRAINER, "Otto Trainer");
    }

    static void trainer(UUID id, String name) {
        userState(id, name, "trainer", "active", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_user where id = '" + id
                + "' and role = 'trainer'") == 1);
    }

    static void userState(UUID id, String name, String role, String status, long version) {
        String state = "{\"id\":\"" + id + "\",\"username\":null,\"displayName\":\"" + name + "\",\"avatarUrl\":null,"
                + "\"role\":\"" + role + "\",\"status\":\"" + status + "\",\"profileVisibility\":\"public\","
                + "\"discoverable\":true,\"version\":" + version + "}";
        TestEvents.publish("identity.user.v1", "/user-service", "com.swanstudios.identity.user.status-changed", id, version, state);
    }

    static void credits(UUID user, int amount) {
        as(ADMIN, "admin").body("{\"userId\":\"" + user + "\",\"amount\":" + amount + ",\"reason\":\"test credits\"}")
                .post("/api/credits/adjustments").then().statusCode(201);
    }

    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static OffsetDateTime hoursAhead(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(hours);
    }

    /** As RFC 3339 requires it (with seconds), which the API's date-time format is. */
    static String iso(OffsetDateTime at) {
        return RFC3339.format(at);
    }

    static String slot(UUID trainer, OffsetDateTime startsAt) {
        return as(trainer, "trainer").body("{\"startsAt\":\"" + iso(startsAt) + "\",\"durationMinutes\":60,\"location\":\"Studio A\"}")
                .post("/api/training-sessions/slots").then().statusCode(201).extract().path("id");
    }

    static String slot() {
        return slot(TRAINER, hoursAhead(HOURS.addAndGet(2)));
    }

    static io.restassured.response.Response book(UUID client, String slotId) {
        return as(client).body("{\"slotId\":\"" + slotId + "\"}").post("/api/training-sessions");
    }

    static int balance(UUID user) {
        return as(user).get("/api/credits/me").then().statusCode(200).extract().path("balance");
    }

    @Test
    void twentyConcurrentBookingsOfALastCreditBookOne() {
        UUID client = UUID.randomUUID();
        credits(client, 1);
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slots.add(slot(i % 2 == 0 ? TRAINER : OTHER_TRAINER, hoursAhead(1000 + i * 2)));
        }
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = concurrently(20, () -> book(client, slots.get(next.getAndIncrement())).then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(balance(client)).isZero();
        assertThat(TestSql.count("select count(*) from training_session where client_id = '" + client + "'")).isEqualTo(1);
    }

    @Test
    void oneSlotBookedTwiceAtOnceGoesToOne() {
        String slot = slot();
        List<UUID> clients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        clients.forEach(c -> credits(c, 2));
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = concurrently(4, () -> book(clients.get(next.getAndIncrement()), slot).then().extract().statusCode());
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(3);
        assertThat(clients.stream().mapToInt(BookingTest::balance).sum()).as("one credit spent in all").isEqualTo(7);
        as(clients.get(0)).get("/api/training-sessions/slots?trainerId=" + TRAINER).then().statusCode(200)
                .body("id", not(hasItem(slot)));
    }

    @Test
    void aClientCancellingADayAheadGetsTheCreditBackOnceAndTheSlotReopens() {
        UUID client = UUID.randomUUID();
        credits(client, 1);
        String slot = slot();
        String session = book(client, slot).then().statusCode(201).body("status", equalTo("scheduled")).extract().path("id");
        assertThat(balance(client)).isZero();

        as(client).body("{\"reason\":\"travelling\"}").post("/api/training-sessions/" + session + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("refunded", equalTo(true)).body("cancelReason", equalTo("travelling"));
        assertThat(balance(client)).isEqualTo(1);
        problem(as(client).body("{}").post("/api/training-sessions/" + session + "/cancel"), 409, "session-not-cancellable");
        assertThat(balance(client)).as("refunded at most once").isEqualTo(1);
        as(client).get("/api/training-sessions/slots?trainerId=" + TRAINER).then().body("id", hasItem(slot));
        assertThat(TestSql.row("select count(*), sum(amount) from credit_entry where booking_id = '" + session + "'"))
                .isEqualTo("2|0");
    }

    @Test
    void aLateCancellationByTheClientKeepsTheCreditOneByTheTrainerDoesNot() {
        UUID client = UUID.randomUUID();
        credits(client, 2);
        String soon = slot(OTHER_TRAINER, hoursAhead(3));
        String late = book(client, soon).then().statusCode(201).extract().path("id");
        as(client).body("{}").post("/api/training-sessions/" + late + "/cancel").then().statusCode(200)
                .body("refunded", equalTo(false));
        assertThat(balance(client)).isEqualTo(1);

        String session = book(client, slot()).then().statusCode(201).extract().path("id");
        as(TRAINER, "trainer").body("{\"reason\":\"ill\"}").post("/api/training-sessions/" + session + "/cancel").then()
                .statusCode(200).body("refunded", equalTo(true));
        assertThat(balance(client)).isEqualTo(1);
    }

    @Test
    void noClientHoldsTwoSessionsAtOnceAndNoTrainerPublishesOverlappingSlots() {
        UUID client = UUID.randomUUID();
        credits(client, 2);
        OffsetDateTime at = hoursAhead(HOURS.addAndGet(2));
        String mine = slot(TRAINER, at);
        String sameTime = slot(OTHER_TRAINER, at.plusMinutes(30));
        book(client, mine).then().statusCode(201);
        problem(book(client, sameTime), 409, "session-overlaps");
        assertThat(balance(client)).isEqualTo(1);
        problem(as(TRAINER, "trainer").body("{\"startsAt\":\"" + iso(at.plusMinutes(59)) + "\",\"durationMinutes\":30,\"location\":\"B\"}")
                .post("/api/training-sessions/slots"), 409, "slot-overlaps");
        problem(book(TRAINER, slot(OTHER_TRAINER, hoursAhead(HOURS.addAndGet(2)))), 409, "insufficient-credits");
    }

    @Test
    void reschedulingIsOneCancellationAndOneBooking() {
        UUID client = UUID.randomUUID();
        credits(client, 1);
        String first = book(client, slot()).then().statusCode(201).extract().path("id");
        String other = slot();
        String moved = as(client).body("{\"slotId\":\"" + other + "\"}").post("/api/training-sessions/" + first + "/reschedule")
                .then().statusCode(201).body("slotId", equalTo(other)).extract().path("id");
        as(client).get("/api/training-sessions/" + first).then().body("status", equalTo("cancelled")).body("refunded", equalTo(true));
        assertThat(balance(client)).isZero();
        // a move to a taken slot changes nothing
        UUID someoneElse = UUID.randomUUID();
        credits(someoneElse, 1);
        String taken = slot();
        book(someoneElse, taken).then().statusCode(201);
        problem(as(client).body("{\"slotId\":\"" + taken + "\"}").post("/api/training-sessions/" + moved + "/reschedule"), 409,
                "slot-taken");
        as(client).get("/api/training-sessions/" + moved).then().body("status", equalTo("scheduled"));
        assertThat(balance(client)).isZero();
    }

    @Test
    void onlyTheTrainerConfirmsAndCompletionWaitsForTheStart() {
        UUID client = UUID.randomUUID();
        credits(client, 1);
        String session = book(client, slot()).then().statusCode(201).extract().path("id");
        problem(as(client).post("/api/training-sessions/" + session + "/confirm"), 403, "forbidden");
        problem(as(OTHER_TRAINER, "trainer").post("/api/training-sessions/" + session + "/confirm"), 404, "not-found");
        as(TRAINER, "trainer").post("/api/training-sessions/" + session + "/confirm").then().statusCode(200)
                .body("status", equalTo("confirmed"));
        problem(as(TRAINER, "trainer").post("/api/training-sessions/" + session + "/complete"), 409, "session-not-started");

        TestSql.row("update training_session set starts_at = now() - interval '30 minutes', ends_at = now() + interval '30 minutes'"
                + " where id = '" + session + "' returning id");
        as(TRAINER, "trainer").post("/api/training-sessions/" + session + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
        problem(as(client).body("{}").post("/api/training-sessions/" + session + "/cancel"), 409, "session-not-cancellable");
        as(client).get("/api/training-sessions/me?as=client").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("completed"));
    }

    @Test
    @SendsInvalidRequests("slots in the past, too long, for another trainer, by a non-trainer; a foreign slot id")
    void whatCannotBePublishedOrBookedIsRefusedWithAReason() {
        UUID user = UUID.randomUUID();
        problem(as(TRAINER, "trainer").body("{\"startsAt\":\"" + iso(hoursAhead(-2)) + "\",\"durationMinutes\":60,\"location\":\"A\"}")
                .post("/api/training-sessions/slots"), 400, "validation");
        problem(as(TRAINER, "trainer").body("{\"startsAt\":\"" + iso(hoursAhead(5)) + "\",\"durationMinutes\":600,\"location\":\"A\"}")
                .post("/api/training-sessions/slots"), 400, "validation");
        problem(as(TRAINER, "trainer").body("{\"startsAt\":\"" + iso(hoursAhead(5)) + "\",\"durationMinutes\":60,\"location\":\"A\","
                + "\"trainerId\":\"" + OTHER_TRAINER + "\"}").post("/api/training-sessions/slots"), 403, "forbidden");
        problem(as(user).body("{\"startsAt\":\"" + iso(hoursAhead(5)) + "\",\"durationMinutes\":60,\"location\":\"A\"}")
                .post("/api/training-sessions/slots"), 403, "forbidden");
        problem(as(ADMIN, "admin").body("{\"startsAt\":\"" + iso(hoursAhead(5)) + "\",\"durationMinutes\":60,\"location\":\"A\","
                + "\"trainerId\":\"" + user + "\"}").post("/api/training-sessions/slots"), 400, "validation");
        problem(book(user, UUID.randomUUID().toString()), 404, "not-found");
        problem(as(user).body("{\"slotId\":\"not-a-uuid\"}").post("/api/training-sessions"), 400, "validation");
        problem(as(user).get("/api/training-sessions/slots?from=" + iso(hoursAhead(5)) + "&to=" + iso(hoursAhead(5 + 24 * 100))), 400,
                "validation");
        assertThat(TestSql.count("select count(*) from training_slot where trainer_id = '" + user + "'")).isZero();
    }

    @Test
    void anAdminPublishesForATrainerAndABookedSlotCannotBeWithdrawn() {
        String slot = as(ADMIN, "admin").body("{\"startsAt\":\"" + iso(hoursAhead(HOURS.addAndGet(2))) + "\",\"durationMinutes\":45,"
                + "\"location\":\"Online\",\"trainerId\":\"" + OTHER_TRAINER + "\"}").post("/api/training-sessions/slots").then()
                .statusCode(201).body("trainerId", equalTo(OTHER_TRAINER.toString())).body("trainerName", equalTo("Otto Trainer"))
                .extract().path("id");
        UUID client = UUID.randomUUID();
        credits(client, 1);
        book(client, slot).then().statusCode(201).body("durationMinutes", equalTo(45));
        problem(as(OTHER_TRAINER, "trainer").delete("/api/training-sessions/slots/" + slot), 409, "slot-booked");
        String free = slot();
        problem(as(OTHER_TRAINER, "trainer").delete("/api/training-sessions/slots/" + free), 404, "not-found");
        as(TRAINER, "trainer").delete("/api/training-sessions/slots/" + free).then().statusCode(204);
        problem(book(client, free), 404, "not-found");
    }

    @Test
    void aDeletedAccountLeavesNoCartNoFutureSessionAndNoOpenSlot() {
        UUID trainer = UUID.randomUUID();
        trainer(trainer, "Leaving Trainer");
        UUID client = UUID.randomUUID();
        credits(client, 2);
        String booked = book(client, slot(trainer, hoursAhead(HOURS.addAndGet(2)))).then().statusCode(201).extract().path("id");
        String open = slot(trainer, hoursAhead(HOURS.addAndGet(2)));

        userState(trainer, "Leaving Trainer", "trainer", "deleted", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestSql.row(
                "select status from training_slot where id = '" + open + "'")).isEqualTo("withdrawn"));
        as(client).get("/api/training-sessions/" + booked).then().body("status", equalTo("cancelled")).body("refunded", equalTo(true));
        assertThat(balance(client)).as("the trainer's cancellation gave the credit back").isEqualTo(2);

        String mine = book(client, slot()).then().statusCode(201).extract().path("id");
        as(client).get("/api/cart").then().statusCode(200);
        userState(client, "Client", "user", "deleted", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestSql.count(
                "select count(*) from cart where user_id = '" + client + "'")).isZero());
        assertThat(TestSql.row("select status from training_session where id = '" + mine + "'")).isEqualTo("cancelled");
        assertThat(TestSql.count("select count(*) from credit_entry where user_id = '" + client + "'"))
                .as("the ledger keeps its entries").isGreaterThanOrEqualTo(4);
    }
}
