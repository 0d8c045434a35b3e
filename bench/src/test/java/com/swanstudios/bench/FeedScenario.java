package com.swanstudios.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.localstack.bench.Accounts;
import com.swanstudios.localstack.bench.Accounts.Account;
import com.swanstudios.localstack.bench.BenchStack;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The home-feed scenario of issue 22: {@code bench.feed.users} (10,000) users each following 200 others, posts
 * seeded with bulk SQL in stages of {@code bench.feed.stages} (10k, 100k, 1M) posts, and at each stage the first
 * page and a deep page (the 10th of 20) of {@value #READERS} readers' feeds read straight from social-service at
 * {@code bench.feed.rate} (100) requests per second, an open load well below what the service sustains, so that the
 * percentiles are a request's cost rather than queueing behind the load generator.
 * <p>
 * The readers are real accounts (signed up through user-service, projected into social-service by
 * identity.user.v1); the other users are inserted into social-service's projection directly. Each stage's feed table
 * is what the service itself would hold once {@code FeedTrimmer} has passed: every reader's newest
 * {@value #CAPACITY} entries from those they follow and themselves, and the newest entry cut recorded as the horizon
 * (authors post in turn, each once in every run of as many posts as there are users, so a reader's newest 801 take
 * at most {@value #PER_AUTHOR} posts of any of their 201 authors: the candidate set below is exact). Filling it by fan-out at 1M posts would mean 200M rows written and trimmed first.
 * The plans of the service's page query at each stage go to {@value #PLANS}.
 */
final class FeedScenario {

    static final String PLANS = "feed-plans.md";
    static final int READERS = 32;
    static final int CAPACITY = 800;
    static final int FOLLOWS = 200;
    private static final int PER_AUTHOR = 5;
    private static final int PAGE = 20;
    private static final int DEEP_PAGE = 10;
    private static final String DATABASE = "social_service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A time-ordered id (UUIDv7 layout) for a seeded post, from its creation time, as the service's ids are. */
    private static final String UUID7 = """
            create or replace function pg_temp.bench_uuid7(ts timestamptz) returns uuid language sql volatile as $$
                select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7'
                        || substr(md5(random()::text), 1, 3) || to_hex(8 + floor(random() * 4)::int)
                        || substr(md5(random()::text), 1, 15))::uuid $$""";

    /**
     * FeedService's page query (social-service, feed/FeedService.PAGE) for the plans, with the reader, the cursor
     * and the page size in place of its parameters.
     */
    private static final String PAGE_QUERY = """
            select f.post_id from feed_entry f
            where f.reader_id = '%1$s' and (%2$s::uuid is null or f.post_id < %2$s)
              and f.post_id > coalesce((select through_post_id from feed_horizon where reader_id = '%1$s'),
                                       '00000000-0000-0000-0000-000000000000')
              and (select (p.author_id = '%1$s' or p.moderation_status = 'published')
                          and (o.id is null or o.author_id = '%1$s'
                               or o.moderation_status = 'published'
                                  and post_audience_includes('%1$s', o.author_id, o.visibility))
                   from post p left join post o on o.id = p.shared_post_id where p.id = f.post_id)
            order by f.post_id desc limit %3$d""";

    private final BenchStack stack;
    private final String social;
    private final List<Account> readers;
    private final List<Integer> stages;
    private final int users;
    private final Map<String, String> deepCursors = new ConcurrentHashMap<>();
    private final StringBuilder plans = new StringBuilder();
    private final AtomicLong seeded = new AtomicLong();

    private FeedScenario(BenchStack stack, String social, List<Account> readers, List<Integer> stages, int users) {
        this.stack = stack;
        this.social = social;
        this.readers = readers;
        this.stages = stages;
        this.users = users;
    }

    /** The readers signed up and known to social-service, and the other users and their follows inserted. */
    static FeedScenario prepare(BenchPlatform platform, String social) {
        List<Integer> stages = new ArrayList<>();
        for (String stage : System.getProperty("bench.feed.stages", "10000,100000,1000000").split(",")) {
            stages.add(Integer.parseInt(stage.trim()));
        }
        int users = Integer.getInteger("bench.feed.users", 10_000);
        try {
            List<Account> readers = Accounts.register(HTTP, platform.stack.userService(), "reader", READERS, Duration.ofMinutes(2));
            FeedScenario scenario = new FeedScenario(platform.stack, social, readers, stages, users);
            scenario.seedUsers();
            return scenario;
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the feed scenario: " + e, e);
        }
    }

    /** Per stage: its posts seeded (one user, unmeasured), then the first page, then the deep page. */
    List<PopulationBuilder> load(Duration warmUp, Duration measure) {
        // one connection pool for every virtual user: an open load of new users would otherwise open a connection each
        HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
        int rate = Integer.getInteger("bench.feed.rate", 100);
        List<PopulationBuilder> steps = new ArrayList<>();
        for (int posts : stages) {
            String stage = label(posts);
            // social-service has served nothing before the first stage: its warm-ups are three times as long
            Duration stageWarmUp = posts == stages.get(0) ? warmUp.multipliedBy(3) : warmUp;
            steps.add(scenario("seed feed " + stage).exec(session -> {
                seedPosts(posts);
                return session;
            }).injectOpen(atOnceUsers(1)));
            for (boolean deep : List.of(false, true)) {
                String name = "feed " + (deep ? "deep " : "first ") + stage;
                for (boolean warm : List.of(true, false)) {
                    var request = http(name).get(social + "/api/social/feed").queryParam("limit", String.valueOf(PAGE))
                            .header("Authorization", "Bearer #{token}").check(status().is(200));
                    steps.add(scenario((warm ? "warm-up " : "") + name).feed(feeder(deep))
                            .exec(deep ? request.queryParam("cursor", "#{cursor}") : request)
                            .injectOpen(constantUsersPerSec(rate).during(warm ? stageWarmUp : measure)).protocols(protocol));
                }
            }
        }
        return steps;
    }

    /** The measured request names, stage by stage, for the summary. */
    List<String> stageLabels() {
        return stages.stream().map(FeedScenario::label).toList();
    }

    static String label(int posts) {
        return posts >= 1_000_000 && posts % 1_000_000 == 0 ? posts / 1_000_000 + "M"
                : posts >= 1_000 && posts % 1_000 == 0 ? posts / 1_000 + "k" : String.valueOf(posts);
    }

    /** Readers in turn, each with the cursor of their deep page (an empty cursor is the first page). */
    private Iterator<Map<String, Object>> feeder(boolean deep) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                Account reader = readers.get(next++ % readers.size());
                return Map.of("token", reader.accessToken(), "cursor", deep ? deepCursors.getOrDefault(reader.id(), "") : "");
            }
        };
    }

    private void seedUsers() throws SQLException, InterruptedException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            String ids = String.join("','", readers.stream().map(Account::id).toList());
            while (single(sql, "select count(*) from known_user where id in ('" + ids + "')") < readers.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("social-service did not learn of the readers within a minute");
                }
                Thread.sleep(200);
            }
            long known = single(sql, "select count(*) from known_user");
            sql.execute("""
                    insert into known_user (id, username, display_name, role, status, profile_visibility, discoverable,
                                            email_verified, version)
                    select gen_random_uuid(), 'feed_' || g, 'Feed author ' || g, 'user', 'active', 'public', true, true, 1
                    from generate_series(1, %d) g""".formatted(Math.max(0, users - known)));
            // user n follows users n + k·stride (k = 1..200) around the ring: 200 distinct others each
            long total = single(sql, "select count(*) from known_user");
            long stride = total / (FOLLOWS + 1);
            sql.execute("create table bench_user as select id, row_number() over (order by id) - 1 as n from known_user");
            sql.execute("create index on bench_user (n)");
            sql.execute("""
                    insert into connection (id, requester_id, target_id, type, status, created_at, updated_at)
                    select gen_random_uuid(), a.id, b.id, 'follow', 'accepted', now(), now()
                    from bench_user a cross join generate_series(1, %d) k
                    join bench_user b on b.n = (a.n + k * %d) %% %d
                    on conflict do nothing""".formatted(FOLLOWS, stride, total));
            sql.execute("vacuum analyze connection");
            sql.execute("vacuum analyze known_user");
            System.out.printf("Feed: %,d users, %,d follows%n", total, single(sql, "select count(*) from connection"));
        }
    }

    /**
     * Posts up to {@code target}, by the users in turn, each older than the last (so earlier stages' posts stay the
     * newest), then the feed table rebuilt as the trimmed service holds it, and the page query's plans kept.
     */
    private void seedPosts(int target) {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            long from = seeded.get();
            long total = single(sql, "select count(*) from bench_user");
            sql.execute(UUID7);
            sql.execute("""
                    insert into post (id, author_id, type, content, visibility, created_at, updated_at)
                    select pg_temp.bench_uuid7(t.ts), u.id, 'text', 'Bench post ' || g || ': intervals, then a long easy run.',
                           case when g %% 5 = 0 then 'followers' else 'public' end, t.ts, t.ts
                    from generate_series(%d, %d) g
                    cross join lateral (select now() - interval '1 minute' - g * interval '1 second' as ts) t
                    join bench_user u on u.n = g %% %d""".formatted(from + 1, target, total));
            sql.execute("insert into post_stats (post_id) select id from post on conflict do nothing");
            seeded.set(target);
            sql.execute("vacuum analyze post");
            sql.execute("vacuum analyze post_stats");
            if (single(sql, "select count(*) from feed_horizon") < total) {
                rebuildFeed(sql);
            }
            long entries = single(sql, "select count(*) from feed_entry");
            System.out.printf("Feed: %,d posts, %,d feed entries, %,d readers past their horizon (%.0f s)%n",
                    single(sql, "select count(*) from post"), entries, single(sql, "select count(*) from feed_horizon"),
                    (System.nanoTime() - started) / 1e9);
            deepCursors.clear();
            for (Account reader : readers) {
                deepCursors.put(reader.id(), deepCursor(reader));
            }
            plans(sql, target, readers.get(0));
        } catch (Exception e) {
            throw new IllegalStateException("could not seed " + target + " posts: " + e, e);
        }
    }

    /**
     * The feed table as the trimmed service holds it. Needed only while some reader has not yet had more than the
     * capacity: once every one has, posts older than all seeded so far change nobody's newest entries or horizon.
     */
    private static void rebuildFeed(Statement sql) throws SQLException {
        sql.execute("set work_mem = '256MB'");
        sql.execute("truncate feed_entry, feed_horizon");
        sql.execute("""
                create temp table candidate as
                select reader_id, post_id, author_id,
                       row_number() over (partition by reader_id order by post_id desc) as position
                from (select c.requester_id as reader_id, p.id as post_id, p.author_id
                      from connection c cross join lateral (
                          select id, author_id from post where author_id = c.target_id order by id desc limit %1$d) p
                      where c.type = 'follow' and c.status = 'accepted'
                      union all
                      select u.id, p.id, p.author_id from bench_user u cross join lateral (
                          select id, author_id from post where author_id = u.id order by id desc limit %1$d) p) c"""
                .formatted(PER_AUTHOR));
        sql.execute("insert into feed_entry (reader_id, post_id, author_id) select reader_id, post_id, author_id "
                + "from candidate where position <= " + CAPACITY + " order by reader_id, post_id");
        sql.execute("insert into feed_horizon (reader_id, through_post_id) "
                + "select reader_id, post_id from candidate where position = " + (CAPACITY + 1));
        sql.execute("drop table candidate");
        sql.execute("vacuum analyze feed_entry");
        sql.execute("vacuum analyze feed_horizon");
    }

    /** The cursor of the reader's deep page, by following nextCursor from the first page, as a client would. */
    private String deepCursor(Account reader) throws Exception {
        String cursor = null;
        for (int page = 1; page < DEEP_PAGE; page++) {
            String url = social + "/api/social/feed?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + reader.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode next = JSON.readTree(response.body()).path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                throw new IllegalStateException("reader " + reader.id() + "'s feed ends before page " + DEEP_PAGE);
            }
            cursor = next.asText();
        }
        return cursor;
    }

    private void plans(Statement sql, int posts, Account reader) throws SQLException {
        String deepAfter;
        try (ResultSet row = sql.executeQuery("select post_id from feed_entry where reader_id = '" + reader.id()
                + "' order by post_id desc offset " + (PAGE * (DEEP_PAGE - 1) - 1) + " limit 1")) {
            deepAfter = row.next() ? "'" + row.getString(1) + "'" : "null";
        }
        plans.append("## ").append(label(posts)).append(" posts\n\n");
        for (String after : List.of("null", deepAfter)) {
            plans.append("null".equals(after) ? "First page:\n\n```\n" : "Deep page (after the 180th entry):\n\n```\n");
            try (ResultSet rows = sql.executeQuery("explain (analyze, buffers, costs off) "
                    + PAGE_QUERY.formatted(reader.id(), after, PAGE + 1))) {
                while (rows.next()) {
                    plans.append(rows.getString(1)).append('\n');
                }
            }
            plans.append("```\n\n");
        }
        BenchOutput.write(PLANS, plans.toString());
    }

    private Connection connect() throws SQLException {
        Connection db = DriverManager.getConnection(stack.jdbcUrl(DATABASE), DATABASE, DATABASE);
        db.setAutoCommit(true);
        return db;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
