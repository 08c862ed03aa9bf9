package news.broadsheet.author;

import news.broadsheet.database.Clock;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.problem.InvalidInput;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The authors that bylines name, for every writer of articles (single writes and the import alike). A byline string is
 * an author's slug or a display name: it names the author whose slug derives from it ("Hanna Łukasik" and
 * "hanna-lukasik" both name {@code hanna-lukasik}), who is created when there is none yet, named as first written (a
 * display name rather than the slug when a writer gives both). Creation
 * is race-free ({@code on conflict do nothing}, in slug order, so two writers never wait on each other in a cycle), and
 * the authors found are locked FOR KEY SHARE until the writer's transaction ends, so an author cannot be deleted
 * between being named and the article being stored (the deletion locks the author FOR UPDATE, then counts).
 */
public final class Bylines {

    /** The names of the authors of an article {@code a}, in byline order: a text array, for queries that read articles in SQL. */
    public static final String NAMES = byline("name");

    /** The columns {@code author_slugs} and {@code author_names} of an article {@code a}, in byline order. */
    public static final String COLUMNS = byline("slug") + " as author_slugs, " + NAMES + " as author_names";

    /** The condition that an article {@code a} credits the author of a slug (one placeholder); none for an unknown slug. */
    public static final String CREDIT_THE_AUTHOR_OF_SLUG = "a.author_ids @> array[(select id from author where slug = ?)]::uuid[]";

    /** How many times an author deleted while being named is created again before the write gives up. */
    private static final int ATTEMPTS = 3;

    private Bylines() {
    }

    private static String byline(String column) {
        return "array(select au." + column + " from unnest(a.author_ids) with ordinality c(id, n) join author au on au.id = c.id order by c.n)";
    }

    /** The slug a byline string names; @throws InvalidInput when no letter or digit of it survives transliteration */
    public static String slugOf(String written) {
        return Slugs.derive(written).orElseThrow(() -> new InvalidInput("authors",
                "'" + written + "' holds no letter or digit to name an author by; give the author's name or slug"));
    }

    /** The author of every string, creating the missing ones; on the writer's connection, inside its transaction. */
    public static Map<String, Credit> resolve(Connection connection, Collection<String> written) throws SQLException {
        Map<String, String> slugs = new LinkedHashMap<>();
        for (String byline : written) {
            slugs.put(byline, slugOf(byline));
        }
        Map<String, Credit> bySlug = new HashMap<>(lock(connection, slugs.values()));
        for (int attempt = 1; bySlug.size() < distinct(slugs.values()); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("Authors kept being deleted while an article named them");
            }
            Map<String, String> missing = new TreeMap<>();
            slugs.forEach((byline, slug) -> {
                if (!bySlug.containsKey(slug)) {
                    // named as first written, but a display name beats the slug itself
                    missing.merge(slug, byline.strip(), (kept, other) -> kept.equals(slug) ? other : kept);
                }
            });
            create(connection, missing);
            bySlug.putAll(lock(connection, missing.keySet()));
        }
        Map<String, Credit> credits = new LinkedHashMap<>();
        slugs.forEach((byline, slug) -> credits.put(byline, bySlug.get(slug)));
        return credits;
    }

    /** The authors of these ids, in this order (an id with no author, impossible while writers lock, is left out). */
    public static List<Credit> of(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Credit> byId = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select id, slug, name, version from author where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Credit credit = credit(row);
                    byId.put(credit.id(), credit);
                }
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static Map<String, Credit> lock(Connection connection, Collection<String> slugs) throws SQLException {
        Map<String, Credit> found = new HashMap<>();
        if (slugs.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select id, slug, name, version from author where slug = any(?) order by id for key share")) {
            query.setArray(1, connection.createArrayOf("text", slugs.stream().distinct().toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Credit credit = credit(row);
                    found.put(credit.slug(), credit);
                }
            }
        }
        return found;
    }

    /** New authors, named as first written; one created meanwhile by another writer is left as it is. */
    private static void create(Connection connection, Map<String, String> nameBySlug) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into author (id, slug, name, created_at, updated_at, version)
                select gen_random_uuid(), t.slug, t.name, ?, ?, 0 from unnest(?::text[], ?::text[]) as t(slug, name)
                order by t.slug
                on conflict (slug) do nothing""")) {
            var now = Clock.now().atOffset(ZoneOffset.UTC);
            insert.setObject(1, now);
            insert.setObject(2, now);
            insert.setArray(3, connection.createArrayOf("text", nameBySlug.keySet().toArray()));
            insert.setArray(4, connection.createArrayOf("text", nameBySlug.values().toArray()));
            insert.executeUpdate();
        }
    }

    private static Credit credit(ResultSet row) throws SQLException {
        return new Credit(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getLong(4));
    }

    private static long distinct(Collection<String> values) {
        return values.stream().distinct().count();
    }
}
