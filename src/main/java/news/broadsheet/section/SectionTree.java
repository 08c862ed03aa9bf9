package news.broadsheet.section;

/** SQL for "this section and every section below it", for queries that filter articles by section. */
public final class SectionTree {

    /** The ids of the section whose slug is the one parameter, and of all its descendants. */
    public static final String IDS_OF_SLUG_AND_CHILDREN = """
            (with recursive tree(id) as (
                select id from section where slug = ?
                union all select child.id from section child join tree on child.parent_id = tree.id)
              select id from tree)""";

    private SectionTree() {
    }
}
