#!/usr/bin/env python3
"""Broadsheet's workloads beyond the kit's W1-W4.

usage: workloads.py DATASET_DIR W5 [--count N]    distinct two-word searches (no response cache can carry them)
       workloads.py BASE_URL R304 PATHS_FILE       "path<TAB>etag" lines: the W1-W3 paths with their current ETags
"""
import importlib.util, os, random, sys, urllib.parse, urllib.request

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
    return sorted(set(words)) + [p.split()[-1] for p in gen.PLACES] + [n.split()[-1] for n in gen.NAMES]


def two_word_searches(count):
    words = vocabulary()
    pairs = [(a, b) for a in words for b in words if a != b]
    random.Random(20261128).shuffle(pairs)
    for a, b in pairs[:count]:
        print("/api/v1/articles?q=" + urllib.parse.quote(a + " " + b, safe="") + "&limit=20")


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
    if sys.argv[2] == "W5":
        count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 100000
        two_word_searches(count)
    elif sys.argv[2] == "R304":
        with_etags(sys.argv[1], sys.argv[3])
    else:
        sys.exit(__doc__)
