package db.migration;

import news.broadsheet.slug.Slugs;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every byline string into an author, by the rule requests follow from now on: a name reuses the author whose
 * slug derives from it (so "Anna Nowak" and "anna nowak" are one person, named as first written), and each article
 * names its authors by id in the order of its bylines. In Java because slugs are derived by {@link Slugs} (ICU
 * transliteration), which SQL cannot repeat exactly.
 */
public class V14__AuthorsFromBylines extends BaseJavaMigration {

    /** The base slug of a byline of which no letter or digit survives transliteration. */
    private static final String NAMELESS = "author";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, String> slugOfByline = new LinkedHashMap<>();
        List<String> authorSlugs = new ArrayList<>();
        List<String> authorNames = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     select byline from (select u.byline, min(a.created_at) as first_written
                                         from article a, unnest(a.authors) u(byline) group by u.byline) b
                     order by first_written, byline""")) {
            while (row.next()) {
                String byline = row.getString(1);
                String derived = Slugs.derive(byline).orElse(null);
                String slug = derived != null ? derived : Slugs.firstFree(NAMELESS, taken::contains);
                if (taken.add(slug)) {
                    authorSlugs.add(slug);
                    authorNames.add(byline.isBlank() ? slug : byline.strip());
                }
                slugOfByline.put(byline, slug);
            }
        }
        try (PreparedStatement authors = connection.prepareStatement("""
                insert into author (id, slug, name, created_at, updated_at)
                select gen_random_uuid(), slug, name, now(), now() from unnest(?::text[], ?::text[]) as t(slug, name)""")) {
            authors.setArray(1, connection.createArrayOf("text", authorSlugs.toArray()));
            authors.setArray(2, connection.createArrayOf("text", authorNames.toArray()));
            authors.executeUpdate();
        }
        try (PreparedStatement bylines = connection.prepareStatement("""
                create temporary table byline on commit drop as
                select t.byline, au.id as author_id
                from unnest(?::text[], ?::text[]) as t(byline, slug) join author au on au.slug = t.slug""")) {
            bylines.setArray(1, connection.createArrayOf("text", slugOfByline.keySet().toArray()));
            bylines.setArray(2, connection.createArrayOf("text", slugOfByline.values().toArray()));
            bylines.execute();
        }
        try (Statement statement = connection.createStatement()) {
            // two spellings of one person in one byline count once, where first named
            statement.executeUpdate("""
                    update article a set author_ids = array(
                        select b.author_id from unnest(a.authors) with ordinality u(byline, position)
                            join byline b on b.byline = u.byline
                        group by b.author_id order by min(u.position))
                    where cardinality(a.authors) > 0""");
        }
    }
}
