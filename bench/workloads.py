#!/usr/bin/env python3
"""Broadsheet's workloads beyond the kit's W1-W4.

usage: workloads.py DATASET_DIR W5 [--from K] [--count N]
                                                  distinct two-word searches (no response cache can carry them), from
                                                  the K-th of one fixed shuffled order: runs take slices that do not
                                                  overlap, so no run repeats another's searches
       workloads.py DATASET_DIR W5-opensearch [--from K] [--count N] [--index NAME]
                                                  the same searches as the OpenSearch requests Broadsheet sends for
                                                  them (article/OpenSearchArticles): an _msearch body a line, its
                                                  NDJSON lines joined by tabs
       workloads.py BASE_URL R304 PATHS_FILE       "path<TAB>etag" lines: the W1-W3 paths with their current ETags
"""
import importlib.util, json, os, random, sys, time, urllib.parse, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
# PostgreSQL's English stop words that the dataset uses: a query of them finds nothing, which would flatter us
STOP = set("""the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there one all we their been has when who will more no if out so what up its about
into than them can only other some could these may then do any my now such our over me most after also did
before must through where much your down should because each just those how too very here between both being
under off us while against again further once""".split())


def vocabulary():
    spec = importlib.util.spec_from_file_location("gen", os.path.join(HERE, "kit", "gen-dataset.py"))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    words = [w for w in gen.WORDS if w not in STOP]
    # nouns and verbs, places, surnames and first names: 126 terms, 15,750 ordered pairs
    return sorted(set(words)) + [p.split()[-1] for p in gen.PLACES] + [n.split()[-1] for n in gen.NAMES] \
        + [n.split()[0] for n in gen.NAMES]


def pairs(start, count):
    words = vocabulary()
    every = [(a, b) for a in words for b in words if a != b]
    random.Random(20261128).shuffle(every)
    if start + count > len(every):
        sys.exit(f"only {len(every)} distinct two-word searches; asked for {start}..{start + count}")
    return every[start:start + count]


def two_word_searches(start, count):
    for a, b in pairs(start, count):
        print("/api/v1/articles?q=" + urllib.parse.quote(a + " " + b, safe="") + "&limit=20")


HEAD_WEIGHTS = {"title": 10, "subtitle": 4, "summary": 4}
BODY_WEIGHT = 2


def opensearch_body(words):
    """What OpenSearchArticles sends for q=WORDS (words, no stop words, no "or"), public articles, by relevance, 20 a
    page: an _msearch body (NDJSON) of two searches, the matches with a word in the head ranked, then the others newest
    first (sorted as the index is, so that the cluster stops at the page's end)."""
    def match(field, word, zero_terms):
        return {"match": {field: {"query": word, "zero_terms_query": zero_terms, "operator": "and"}}}

    def head_bonus(word):
        return {"dis_max": {"queries": [{"constant_score": {"boost": weight - BODY_WEIGHT, "filter": match(field, word, "none")}}
                                        for field, weight in HEAD_WEIGHTS.items()]}}

    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    matching = [{"term": {"status": "PUBLISHED"}}, {"range": {"sort_time": {"lte": now}}}] + [match("text", w, "all") for w in words]
    in_head = {"size": 21, "stored_fields": "_none_", "track_total_hits": False,
               "query": {"bool": {"filter": matching, "should": [head_bonus(w) for w in words], "minimum_should_match": 1}},
               "sort": [{"_score": "desc"}, {"sort_time": "desc"}, {"id": "desc"}]}
    elsewhere = {"size": 21, "stored_fields": "_none_", "track_total_hits": False,
                 "query": {"bool": {"filter": matching, "must_not": [match(f, w, "none") for w in words for f in HEAD_WEIGHTS]}},
                 "sort": [{"sort_time": "desc"}, {"id": "desc"}]}
    return "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in ({}, in_head, {}, elsewhere))


def opensearch_searches(start, count):
    """One _msearch body a line, its own lines joined by tabs (which JSON never holds unescaped): bench/bodies.lua."""
    for a, b in pairs(start, count):
        print(opensearch_body([a, b]).rstrip("\n").replace("\n", "\t"))


def with_etags(base, paths_file):
    for path in open(paths_file, encoding="utf-8"):
        path = path.strip()
        if not path:
            continue
        with urllib.request.urlopen(base + path) as answer:
            etag = answer.headers.get("ETag")
        if etag:
            print(path + "\t" + etag)


if __name__ == "__main__":
    if sys.argv[2] in ("W5", "W5-opensearch"):
        def option(name, default):
            return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default
        start, count = option("--from", 0), option("--count", 20000)
        (two_word_searches if sys.argv[2] == "W5" else opensearch_searches)(start, count)
    elif sys.argv[2] == "R304":
        with_etags(sys.argv[1], sys.argv[3])
    else:
        sys.exit(__doc__)
