package news.broadsheet.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The admin's view of subscribers: keyset pages newest first, or all of them as CSV, written page by page. */
@ApplicationScoped
class SubscriberLists {

    static final String SORT = "-createdAt";
    private static final int EXPORT_PAGE = 500;
    private static final String[] CSV_HEADER = {"id", "email", "name", "sections", "newsletters", "status", "created_at",
            "confirmed_at", "unsubscribed_at", "consent_at", "consent_address"};

    /** Filters of the admin list; null means any. */
    record Filter(SubscriptionStatus status, String section, Newsletter newsletter) {
    }

    private final EntityManager entityManager;

    SubscriberLists(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    Page<SubscriberView> page(Filter filter, Cursor after, int limit) {
        List<Subscription> rows = fetch(filter, after, limit + 1);
        List<SubscriberView> items = rows.stream().limit(limit).map(SubscriberView::from).toList();
        String next = null;
        if (rows.size() > limit) {
            Subscription last = rows.get(limit - 1);
            next = Cursor.after(SORT, last.createdAt, last.id).encode();
        }
        return new Page<>(items, next, null);
    }

    /** Every matching subscriber as CSV, never more than a page in memory; cells that a spreadsheet would run are quoted. */
    @Transactional
    void export(Filter filter, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(out); // the caller closes the stream
        Cursor after = null;
        List<Subscription> rows;
        do {
            rows = fetch(filter, after, EXPORT_PAGE);
            for (Subscription s : rows) {
                csv.printRecord(s.id, cell(s.email), cell(s.name), String.join(" ", s.sections), String.join(" ", s.newsletters),
                        s.status, time(s.createdAt), time(s.confirmedAt), time(s.unsubscribedAt), time(s.consentAt),
                        cell(s.consentAddress));
                entityManager.detach(s);
            }
            if (!rows.isEmpty()) {
                Subscription last = rows.get(rows.size() - 1);
                after = Cursor.after(SORT, last.createdAt, last.id);
            }
            csv.flush();
        } while (rows.size() == EXPORT_PAGE);
    }

    @SuppressWarnings("unchecked")
    private List<Subscription> fetch(Filter filter, Cursor after, int limit) {
        List<String> where = new ArrayList<>(List.of("true"));
        if (filter.status() != null) {
            where.add("s.status = :status");
        }
        if (filter.section() != null) {
            where.add("s.sections @> array[cast(:section as text)]");
        }
        if (filter.newsletter() != null) {
            where.add("s.newsletters @> array[cast(:newsletter as text)]");
        }
        if (after != null) {
            where.add("(s.created_at, s.id) < (:afterTime, :afterId)");
        }
        Query query = entityManager.createNativeQuery("select s.* from subscription s where " + String.join(" and ", where)
                + " order by s.created_at desc, s.id desc limit " + limit, Subscription.class);
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        if (filter.section() != null) {
            query.setParameter("section", filter.section());
        }
        if (filter.newsletter() != null) {
            query.setParameter("newsletter", filter.newsletter().wireName());
        }
        if (after != null) {
            query.setParameter("afterTime", after.time().atOffset(ZoneOffset.UTC));
            query.setParameter("afterId", after.id());
        }
        return query.getResultList();
    }

    /** A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it with an apostrophe. */
    private static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
