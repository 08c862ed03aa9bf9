package news.broadsheet.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import news.broadsheet.database.Clock;
import news.broadsheet.event.ChangeEvent;
import news.broadsheet.feed.WebSubTopics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The configured WebSub hub as one more receiver of the outbox: at start it becomes (or stops being) a row of kind
 * websub that takes the article events, so a publication queues the hub's notification in its own transaction and
 * the sender retries it like any delivery. The notification is the de facto publisher protocol the hubs accept
 * (`hub.mode=publish` and each changed topic as `hub.url`): the site-wide feeds and those of the article's section
 * and its parents.
 */
@ApplicationScoped
class WebSubHub {

    static final UUID ID = UUID.nameUUIDFromBytes("broadsheet:websub-hub".getBytes(StandardCharsets.UTF_8));
    private static final List<String> EVENTS = List.of("article.published", "article.updated", "article.unpublished", "article.deleted");
    private static final String SECTION_AND_PARENTS = """
            with recursive up (id, slug, parent_id, depth) as (
                select id, slug, parent_id, 0 from section where slug = ?1
                union all
                select s.id, s.slug, s.parent_id, up.depth + 1 from section s join up on s.id = up.parent_id where up.depth < 20)
            select slug from up order by depth""";

    private final EntityManager entityManager;
    private final WebSubTopics topics;

    WebSubHub(EntityManager entityManager, WebSubTopics topics) {
        this.entityManager = entityManager;
        this.topics = topics;
    }

    void register(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (topics.hub().isEmpty()) {
                entityManager.createNativeQuery("delete from webhook where kind = 'websub'").executeUpdate();
                return;
            }
            // several instances may start at once: one upsert, never a second row
            entityManager.createNativeQuery("""
                            insert into webhook (id, kind, url, events, description, enabled, secret, created_at, updated_at)
                            values (?1, 'websub', ?2, cast(?3 as text[]), 'The WebSub hub (broadsheet.websub.hub)', true, ''::bytea, ?4, ?4)
                            on conflict (id) do update set url = excluded.url, events = excluded.events,
                                enabled = webhook.enabled or webhook.url <> excluded.url, updated_at = excluded.updated_at""")
                    .setParameter(1, ID).setParameter(2, topics.hub().get()).setParameter(3, "{" + String.join(",", EVENTS) + "}")
                    .setParameter(4, Clock.now())
                    .executeUpdate();
        });
    }

    /** The notification's form body: every topic the event's article appears in. */
    String notification(ChangeEvent event) {
        @SuppressWarnings("unchecked")
        List<String> sections = event.data().section() == null ? List.of()
                : entityManager.createNativeQuery(SECTION_AND_PARENTS, String.class).setParameter(1, event.data().section()).getResultList();
        return "hub.mode=publish&" + topics.topicsFor(sections).stream()
                .map(topic -> "hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
