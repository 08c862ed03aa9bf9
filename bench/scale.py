#!/usr/bin/env python3
"""Grows a loaded Broadsheet database to TARGET articles in SQL, then prints the plans of the hot read queries.

usage: scale.py POSTGRES_URL TARGET

The new articles are copies of the loaded ones (same bodies, so the search vectors cost what real ones do) with
their own slugs and ids, dated 400 days further back per copy; two sessions insert in parallel, one copy of the
dataset per statement. Needs psql. The queries below are the ones ArticleLists, RelevanceSearch and Hibernate send for the
workloads (W1 latest, W2 section, W3 by slug, W5 two-word relevance search), with the values the workloads use.
"""
import math, subprocess, sys, threading, time

COLUMNS = """a.id, a.slug, a.title, a.subtitle, a.summary, s.slug as section_slug, s.name as section_name,
    a.tags,
    array(select au.slug from unnest(a.author_ids) with ordinality c(id, n) join author au on au.id = c.id order by c.n) as author_slugs,
    array(select au.name from unnest(a.author_ids) with ordinality c(id, n) join author au on au.id = c.id order by c.n) as author_names,
    a.dateline, a.hero_image_url, a.hero_image_alt, a.hero_image_caption, a.hero_image_credit,
    a.featured, a.status, a.published_at, a.created_at, a.updated_at, a.word_count, a.reading_time_minutes"""
COPIED = """title, subtitle, summary, body, body_html, section_id, tags, author_ids, dateline, hero_image_url,
    hero_image_alt, hero_image_caption, hero_image_credit, featured, status, word_count, reading_time_minutes"""
NEWEST = "coalesce(a.published_at, a.created_at)"
PUBLIC = "article_is_public(a)"  # the application's definition (V11__article_visibility.sql)
SECTION = """a.section_id in (with recursive tree(id) as (
    select id from section where slug = 'europe'
    union all select child.id from section child join tree on child.parent_id = tree.id) select id from tree)"""
TSQ = "websearch_to_tsquery('broadsheet_search', 'region court')"
CANDIDATES = f"""select a.id, {NEWEST} as time, ts_rank(a.search_head, {TSQ}) as rank from article a
            where {PUBLIC} and a.search_head @@ {TSQ} order by time desc, a.id desc limit 1000"""

QUERIES = {
    "W1 latest 20": f"""select {COLUMNS}, {NEWEST} as sort_key from article a join section s on s.id = a.section_id
        where {PUBLIC} order by sort_key desc, a.id desc limit 21""",
    "W2 latest 20 of a section (and its children)": f"""select {COLUMNS}, {NEWEST} as sort_key
        from article a join section s on s.id = a.section_id
        where {PUBLIC} and {SECTION} order by sort_key desc, a.id desc limit 21""",
    "W3 one article by slug": """select a.* from article a join section s on s.id = a.section_id
        where a.slug = (select slug from article order by id limit 1)""",
    "W5 relevance, ranked part (the 1,000 newest title/summary matches)": f"""
        with candidates as materialized ({CANDIDATES}),
        ranked as (select c.id, c.rank, c.time from candidates c order by c.rank desc, c.time desc, c.id desc limit 21)
        select b.candidates, b.oldest_time, b.oldest_id, p.* from (
            select (select count(*) from candidates) as candidates, o.time as oldest_time, o.id as oldest_id
            from (select 1) one left join (select c.time, c.id from candidates c order by c.time, c.id limit 1) o on true) b
          left join (select {COLUMNS}, r.rank, r.time from ranked r join article a on a.id = r.id
                     join section s on s.id = a.section_id) p on true
        order by p.rank desc, p.time desc, p.id desc""",
    "W5 relevance, the other matches newest first (a page past the ranked part)": f"""
        select {COLUMNS}, {NEWEST} as time from article a join section s on s.id = a.section_id
        where {PUBLIC} and a.search @@ {TSQ} and (not a.search_head @@ {TSQ}
              or ({NEWEST}, a.id) < (select c.time, c.id from ({CANDIDATES}) c order by c.time, c.id limit 1))
        order by time desc, a.id desc limit 21""",
}


def psql(url, sql):
    return subprocess.run(["psql", url, "-X", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def grow(url, target):
    originals = int(psql(url, "select count(*) from article"))
    copies = math.ceil((target - originals) / originals) if target > originals else 0
    pending = list(range(1, copies + 1))
    lock = threading.Lock()
    started = time.time()

    def worker():
        while True:
            with lock:
                if not pending:
                    return
                copy = pending.pop(0)
            remaining = target - originals * copy
            limit = originals if remaining >= 0 else originals + remaining
            psql(url, f"""insert into article (id, slug, {COPIED}, published_at, created_at, updated_at)
                select gen_random_uuid(), left(slug, 112) || '-c{copy}', {COPIED},
                       published_at - interval '{400 * copy} days', created_at - interval '{400 * copy} days',
                       updated_at - interval '{400 * copy} days'
                from (select * from article where slug !~ '-c[0-9]+$' order by id limit {limit}) original""")
            print(f"# copy {copy} of {copies} inserted ({time.time() - started:.0f} s)", file=sys.stderr)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    psql(url, "vacuum analyze article")
    print(f"# grew from {originals:,} to {int(psql(url, 'select count(*) from article')):,} articles "
          f"in {time.time() - started:.0f} s", file=sys.stderr)


def plans(url):
    count = int(psql(url, "select count(*) from article"))
    print(f"## Query plans at {count:,} articles\n")
    for name, sql in QUERIES.items():
        print(f"### {name}\n\n```")
        print(psql(url, "explain (analyze, buffers, costs off) " + sql).rstrip())
        print("```\n")


if __name__ == "__main__":
    grow(sys.argv[1], int(sys.argv[2]))
    plans(sys.argv[1])
