package news.broadsheet.section;

/** SQL for "this section and every section below it", for queries that filter articles by section. */
public final class SectionTree {

    /**
     * The id of the section whose slug is the one parameter, or that had it before a rename (V17__slug_redirects.sql),
     * so links with {@code ?section=old} keep their articles; null when there is none.
     */
    public static final String ID_OF_SLUG = """
            (select coalesce((select id from section where slug = given.slug),
                             (select section_id from section_slug_redirect where slug = given.slug))
               from (values (?::text)) given(slug))""";

    /** The ids of the section of {@link #ID_OF_SLUG} and of all its descendants. */
    public static final String IDS_OF_SLUG_AND_CHILDREN = """
            (with recursive tree(id) as (
                select %s
                union all select child.id from section child join tree on child.parent_id = tree.id)
              select id from tree)""".formatted(ID_OF_SLUG);

    private SectionTree() {
    }
}
