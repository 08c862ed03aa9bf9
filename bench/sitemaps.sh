#!/usr/bin/env bash
# Sitemap benchmark at archive scale: builds the service, starts it on a fresh embedded PostgreSQL with a small heap,
# loads 20,000 articles of the news dataset through the API, grows the database in SQL (bench/scale.py) and crowds
# one month (January 2001) with CROWDED more, so that month fills several 50,000-URL sitemaps. Then prints, for the
# sitemap index, the sections' and News sitemaps and every part of the crowded month: time to first byte, total time
# and gzipped size (first request, then the median of the next ones), the heap left after each collection while the
# month is served (the live set: a month streamed from a cursor never holds its rows), and the queries' plans.
#
# usage: bench/sitemaps.sh [ARTICLES]   default 1000000 before the crowded month
# env:   CROWDED=120000  HEAP=128m  PORT=18181  REPEAT=5
# needs: java 17+, python3, curl, psql (installed from Debian's archive when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-1000000}
crowded=${CROWDED:-120000}
heap=${HEAP:-128m}
port=${PORT:-18181}
repeat=${REPEAT:-5}
db_port=$((port + 1))
token="bench-$RANDOM$RANDOM"
work=$PWD/target/bench-sitemaps
psql_url="postgresql://postgres@localhost:$db_port/postgres"
rm -rf "$work"
mkdir -p "$work"

command -v psql >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client >/dev/null
python3 bench/kit/gen-dataset.py "$work/dataset" --articles 20000 >/dev/null
./mvnw -B -q package -DskipTests

BROADSHEET_ADMIN_TOKEN="$token" QUARKUS_HTTP_PORT="$port" BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" \
  BROADSHEET_EMBEDDED_POSTGRES_PORT="$db_port" \
  java "-Xmx$heap" -XX:+UseSerialGC "-Xlog:gc:file=$work/gc.log" -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "localhost:$port/q/health/ready" && break
  kill -0 "$service" 2>/dev/null || { echo "the service did not start; see $work/service.log" >&2; exit 1; }
  sleep 0.5
done

while IFS= read -r section; do
  slug=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["slug"])' "$section")
  curl -sf -o /dev/null -X PUT "localhost:$port/api/v1/sections/$slug" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "$section"
done <"$work/dataset/sections.ndjson"
curl -sf -o /dev/null -X POST "localhost:$port/api/v1/articles/import" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$work/dataset/articles.ndjson"

echo "# growing the database to $target articles in SQL" >&2
python3 bench/scale.py "$psql_url" "$target" >/dev/null
echo "# crowding January 2001 with $crowded articles" >&2
copies=$(((crowded + 19999) / 20000))
psql "$psql_url" -X -q -v ON_ERROR_STOP=1 <<SQL
insert into article (id, slug, title, subtitle, summary, body, body_html, section_id, tags, author_ids, dateline, status,
                     word_count, reading_time_minutes, published_at, created_at, updated_at)
select gen_random_uuid(), left(o.slug, 100) || '-m' || g.n, o.title, o.subtitle, o.summary, o.body, o.body_html, o.section_id,
       o.tags, o.author_ids, o.dateline, 'PUBLISHED', o.word_count, o.reading_time_minutes, t.at, t.at, t.at
from (select *, row_number() over (order by id) as number from article where slug !~ '-c[0-9]+\$' order by id limit 20000) o
cross join generate_series(1, $copies) g(n)
cross join lateral (select timestamptz '2001-01-01 00:00:00+00'
                           + ((g.n - 1) * 20000 + o.number) * (interval '30 days' / ($copies * 20000)) as at) t
where (g.n - 1) * 20000 + o.number <= $crowded;
vacuum analyze article;
SQL
articles=$(psql "$psql_url" -X -qAt -c "select count(*) from article where article_is_public(article)")

get() { # PATH -> "ttfb_ms total_ms bytes"
  curl -sf -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_starttransfer} %{time_total} %{size_download}\n' "localhost:$port$1" |
    awk '{printf "%.1f %.1f %d\n", $1 * 1000, $2 * 1000, $3}'
}
measure() { # PATH LABEL
  local first rest
  first=$(get "$1")
  rest=$(for _ in $(seq 2 "$repeat"); do get "$1"; done | sort -n -k2 | awk -v n=$((repeat - 1)) 'NR == int((n + 1) / 2)')
  printf '%-34s first: TTFB %7s ms, total %7s ms, %9s bytes gzipped | then median: TTFB %7s ms, total %7s ms\n' \
    "$2" $first $(cut -d' ' -f1-2 <<<"$rest")
}
live_after_gc() { # FIRST_LINE: the largest heap after a collection since that line of the GC log, in MB
  tail -n +"$1" "$work/gc.log" | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -n1
}

echo "sitemaps at $articles public articles (January 2001: $crowded), heap -Xmx$heap SerialGC, $(nproc) cores"
measure /sitemap.xml "sitemap index"
measure /sitemaps/sections.xml "sections"
measure /sitemaps/news.xml "News (last 48 hours)"
gc_line=$(($(wc -l <"$work/gc.log") + 1))
live_before=$(head -n $((gc_line - 1)) "$work/gc.log" | grep -o -- '->[0-9]*M' | tail -n1 | tr -dc '0-9')
for part in 2001-01 2001-01-2 2001-01-3; do
  measure "/sitemaps/articles-$part.xml" "articles-$part.xml"
done
urls=$(curl -sf "localhost:$port/sitemaps/articles-2001-01.xml" | grep -o '<url>' | wc -l)
bytes=$(curl -sf -o /dev/null -w '%{size_download}' "localhost:$port/sitemaps/articles-2001-01.xml")
echo "articles-2001-01.xml: $urls URLs, $bytes bytes uncompressed"
echo "heap after each collection while the month's parts were served: at most $(live_after_gc "$gc_line") MB" \
  "($(tail -n +"$gc_line" "$work/gc.log" | grep -c 'Pause') collections; $live_before MB after the last one before them)"
echo "RSS of the service: $(awk '/^VmHWM/{print $2 / 1024 " MB peak"}' "/proc/$service/status")"

echo
echo "## Plans (the SQL of sitemap/SitemapContent)"
explain() {
  echo "### $1"
  echo '```'
  psql "$psql_url" -X -qAt -c "explain (analyze, buffers, costs off) $2" | grep -v '^ *Buffers\|Memory'
  echo '```'
}
explain "months of the index" "select to_char(a.published_at at time zone 'UTC', 'YYYY-MM'), count(*), max(a.updated_at)
  from article a where article_is_public(a) group by 1 order by 1 desc"
explain "where the second part of January 2001 starts" "select a.published_at, a.id from article a
  where article_is_public(a) and a.published_at >= '2001-01-01Z' and a.published_at < '2001-02-01Z'
  order by a.published_at, a.id offset 50000 limit 1"
start=$(psql "$psql_url" -X -qAt -F '|' -c "select a.published_at, a.id from article a where article_is_public(a)
  and a.published_at >= '2001-01-01Z' and a.published_at < '2001-02-01Z' order by a.published_at, a.id offset 50000 limit 1")
explain "the second part of January 2001, from there" "select (select s.slug from section s where s.id = a.section_id), a.slug,
  a.updated_at from article a where article_is_public(a)
  and (a.published_at, a.id) >= ('${start%|*}'::timestamptz, '${start#*|}'::uuid) and a.published_at < '2001-02-01Z'
  order by a.published_at, a.id limit 50000"
explain "News sitemap" "select (select s.slug from section s where s.id = a.section_id), a.slug, a.title, a.published_at
  from article a where article_is_public(a) and a.published_at > now() - interval '48 hours'
  order by a.published_at desc, a.id desc limit 1000"
