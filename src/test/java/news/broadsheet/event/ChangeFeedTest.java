package news.broadsheet.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/events: every committed change once, in commit order, for a poller that follows `next`. */
@QuarkusTest
class ChangeFeedTest {

    private static final int WRITERS = 20;
    private static final int ARTICLES_EACH = 5;

    @Inject
    DataSource dataSource;

    /** The feed's end now: the cursor a poller starting now would hold. */
    private static String end() {
        String cursor = null;
        while (true) {
            JsonPath page = editor().queryParam("limit", 1000).queryParams(cursor == null ? Map.of() : Map.of("after", cursor))
                    .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    private record Seen(String id, String type, String slug) {
    }

    /** Adds the events after the cursor to {@code into} and answers the next cursor. */
    private static String read(String after, int limit, List<Seen> into) {
        JsonPath page = editor().queryParam("after", after).queryParam("limit", limit).get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) item.get("data");
            into.add(new Seen((String) item.get("id"), (String) item.get("type"), (String) data.get("slug")));
        }
        return page.getString("next");
    }

    @Test
    void aPollerSeesEveryChangeOfTwentyConcurrentWritersOnceAndInTheFeedsOrder() throws Exception {
        String start = end();
        String section = Api.section();
        String prefix = Api.unique("feed");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Seen> polled = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        Future<?> poller = threads.submit(() -> {
            String cursor = start;
            int quietAfterWriting = 0;
            while (quietAfterWriting < 3) {
                boolean done = !writing.get();
                int before = polled.size();
                // small pages, so the poller runs between the writers' commits
                cursor = read(cursor, 7, polled);
                quietAfterWriting = done && polled.size() == before ? quietAfterWriting + 1 : 0;
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int a = 0; a < ARTICLES_EACH; a++) {
                    Map<String, Object> article = new java.util.HashMap<>(Api.article(section));
                    String slug = prefix + "-" + writer + "-" + a;
                    article.put("slug", slug);
                    Api.create(article);
                    editor().contentType("application/merge-patch+json").body(Map.of("title", "Changed by writer " + writer))
                            .patch("/api/v1/articles/" + slug).then().statusCode(200);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        poller.get(60, TimeUnit.SECONDS);
        threads.shutdown();

        // the truth, read after everything committed, in one pass
        List<Seen> all = new ArrayList<>();
        String cursor = start;
        while (true) {
            int before = all.size();
            cursor = read(cursor, 1000, all);
            if (all.size() == before) {
                break;
            }
        }
        assertEquals(all, polled, "the poller missed, repeated or reordered events");
        assertEquals(all.size(), new HashSet<>(all).size(), "an event appears twice");
        List<Seen> ours = all.stream().filter(seen -> seen.slug() != null && seen.slug().startsWith(prefix)).toList();
        assertEquals(WRITERS * ARTICLES_EACH * 2, ours.size());
        Set<String> publishedFirst = new HashSet<>();
        for (Seen seen : ours) {
            if (seen.type().equals("article.published")) {
                publishedFirst.add(seen.slug());
            } else {
                assertEquals("article.updated", seen.type());
                assertTrue(publishedFirst.contains(seen.slug()), "an article's update came before its publication: " + seen.slug());
            }
        }
    }

    /**
     * Two transactions record events in one order and commit in the other: a poller that read the second commit must still
     * get the first one's event after it commits. (Article writes also queue on the content version's row, which makes the
     * window small there; the feed must not rely on it.)
     */
    @Test
    void anEventRecordedFirstButCommittedLastIsNotSkipped() throws Exception {
        String start = end();
        String first = Api.unique("first");
        String second = Api.unique("second");
        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            record(one, first);
            record(two, second);
            two.commit();
            List<Seen> polled = new ArrayList<>();
            String cursor = read(start, 1000, polled);
            assertEquals(List.of(second), polled.stream().map(Seen::slug).filter(slug -> slug.equals(first) || slug.equals(second)).toList());
            one.commit();
            List<Seen> after = new ArrayList<>();
            read(cursor, 1000, after);
            assertEquals(List.of(first), after.stream().map(Seen::slug).filter(slug -> slug.equals(first) || slug.equals(second)).toList(),
                    "the event that committed last comes after the cursor of the one that committed first");
        }
    }

    private static void record(Connection connection, String slug) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement(
                "insert into change_event (type, subject_id, data) values ('section.changed', gen_random_uuid(), jsonb_build_object('id', gen_random_uuid(), 'slug', ?, 'change', 'created'))")) {
            insert.setString(1, slug);
            insert.executeUpdate();
        }
    }

    @Test
    void badCursorsAreRefusedAndExpiredOnesSaySo() throws Exception {
        editor().get("/api/v1/events?after=abc").then().statusCode(400).body("errors[0].field", equalTo("after"));
        editor().get("/api/v1/events?after=-4.1").then().statusCode(400);
        editor().get("/api/v1/events?after=17").then().statusCode(400);
        editor().get("/api/v1/events?limit=5000").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        // an empty answer still gives the cursor to poll with
        String end = end();
        editor().get("/api/v1/events?after=" + end).then().statusCode(200).body("items.size()", equalTo(0)).body("next", equalTo(end));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("update change_event_pruned set through = 5 where id = 1");
            try {
                editor().get("/api/v1/events?after=4.99").then().statusCode(410)
                        .contentType("application/problem+json").body("type", equalTo("urn:broadsheet:problem:events-expired"));
                editor().get("/api/v1/events?after=5.0").then().statusCode(200);
                editor().get("/api/v1/events").then().statusCode(200);
            } finally {
                statement.execute("update change_event_pruned set through = 0 where id = 1");
            }
        }
    }
}
