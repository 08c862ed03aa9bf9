#!/usr/bin/env python3
"""Replays the attacks of issue 19 against a running service and prints, for each, what the attacker got and how
normal reads fared meanwhile (count, p50, p99, worst, answers that were not 2xx).

usage: bench/abuse.py URL ADMIN_TOKEN [--only 1,2,3,5,6,9,10] [--hold SECONDS]
       (bench/abuse.sh builds the jar, starts it at -Xmx256m on a fresh embedded database and runs this)

Attacks (the numbers are the issue's findings):
  1  250 connections post a sign-up with Content-Length: 100000 and send a byte every 5 s
  2  4 parallel 9.6 MB sign-ups whose sections array holds 2.4 million strings
  3  an import of 2,000,000 lines "1", then one of 300 lines with ~1 MB bodies
  4  (an Error in the change listener) needs an OutOfMemoryError, which 2 and 3 no longer cause: not replayed
  5  control characters in a title, a summary and an import line, then every feed
  6  a 20 MB chunked sign-up (no Content-Length), and an HTTP/2 cleartext connection preface
  9  100 articles of 0.9 MB, then 24 parallel q=...&highlight=true&limit=100 searches, round after round
  10 12 parallel imports of 5,000 lines
"""
import argparse
import collections
import http.client
import json
import socket
import statistics
import threading
import time
import urllib.parse

READS = ["/api/v1/articles?limit=20", "/api/v1/sections", "/api/v1/tags", "/api/v1/feeds/rss.xml"]
WORDS = "the council met on monday to discuss the budget for trams and buses across the city " * 4


class Service:
    def __init__(self, url, token):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port, self.token = parsed.hostname, parsed.port or 80, token

    def connection(self, timeout=120):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, body=None, content_type=None, editor=False, timeout=120):
        headers = {"Accept": "*/*"}
        if content_type:
            headers["Content-Type"] = content_type
        if editor:
            headers["Authorization"] = "Bearer " + self.token
        connection = self.connection(timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read()
            return answer.status, answer.getheader("Content-Type") or "", text
        except OSError as e:
            return 0, "", str(e).encode()
        finally:
            connection.close()

    def problem_type(self, text):
        try:
            return json.loads(text).get("type", "?").rsplit(":", 1)[-1]
        except (ValueError, AttributeError):
            return text[:60].decode("utf-8", "replace")


class Bystanders:
    """Four clients reading what a frontend reads, one request after another, for as long as an attack lasts."""

    def __init__(self, service, slugs):
        self.service, self.paths = service, READS + ["/api/v1/articles/" + slug for slug in slugs]
        self.times, self.failures, self.stopped = [], collections.Counter(), threading.Event()

    def __enter__(self):
        self.threads = [threading.Thread(target=self.read, args=(i,), daemon=True) for i in range(4)]
        for thread in self.threads:
            thread.start()
        return self

    def read(self, offset):
        connection = self.service.connection(timeout=30)
        i = offset
        while not self.stopped.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            started = time.monotonic()
            try:
                connection.request("GET", path)
                answer = connection.getresponse()
                answer.read()
                status = answer.status
            except OSError as e:
                status = type(e).__name__
                connection.close()
                connection = self.service.connection(timeout=30)
            self.times.append(time.monotonic() - started)
            if not (isinstance(status, int) and status < 400):
                self.failures[status] += 1
            time.sleep(0.02)

    def __exit__(self, *error):
        self.stopped.set()
        for thread in self.threads:
            thread.join()

    def summary(self):
        if not self.times:
            return "no reads"
        times = sorted(self.times)
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        failed = ", ".join(f"{count}x{status}" for status, count in self.failures.items()) or "none"
        return (f"{len(times)} reads, p50 {statistics.median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
                f"worst {times[-1] * 1000:.0f} ms, failed: {failed}")


def parallel(count, work):
    results = [None] * count

    def run(i):
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def tally(answers):
    return ", ".join(f"{count}x{label}" for label, count in collections.Counter(answers).most_common())


def slow_bodies(service, hold):
    sockets = []
    for _ in range(250):
        s = socket.create_connection((service.host, service.port))
        s.sendall(b"POST /api/v1/subscriptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100000\r\n\r\n{")
        sockets.append(s)
    deadline = time.monotonic() + hold
    while time.monotonic() < deadline:
        time.sleep(5)
        for s in sockets:
            try:
                s.sendall(b" ")
            except OSError:
                pass
    answers = []
    for s in sockets:
        s.settimeout(5)
        try:
            first = s.recv(200).split(b"\r\n", 1)[0].decode()
            answers.append(first.replace("HTTP/1.1 ", "") or "closed")
        except OSError:
            answers.append("still open")
        s.close()
    return f"after {hold} s: " + tally(answers)


def huge_signups(service, hold):
    body = b'{"email":"a@example.com","sections":[' + b",".join([b'"x"'] * 2_400_000) + b"]}"

    def post(_):
        status, _, text = service.request("POST", "/api/v1/subscriptions", body, "application/json")
        return f"{status} {service.problem_type(text)}"

    return f"{len(body) / 1e6:.1f} MB each: " + tally(parallel(4, post))


def imports(service, hold):
    status, _, text = service.request("POST", "/api/v1/articles/import", b"1\n" * 2_000_000, "application/x-ndjson",
                                      editor=True, timeout=600)
    report = json.loads(text) if status == 200 else {}
    first = f"2M bad lines: {status}, rejectedCount {report.get('rejectedCount')}, listed {len(report.get('rejected', []))}"
    long_body = WORDS * (990_000 // len(WORDS))
    lines = b"".join(json.dumps({"slug": f"abuse-long-{i}", "title": f"Long read {i}", "section": "abuse",
                                 "status": "PUBLISHED", "body": long_body + str(i)}).encode() + b"\n" for i in range(300))
    status, _, text = service.request("POST", "/api/v1/articles/import", lines, "application/x-ndjson", editor=True,
                                      timeout=600)
    report = json.loads(text) if status == 200 else {"problem": service.problem_type(text)}
    return first + f"; 300 x 1 MB lines ({len(lines) / 1e6:.0f} MB): {status} {report}"


def control_characters(service, hold):
    answers = []
    for field, character in (("title", "\u0001"), ("summary", "\u000b")):
        article = {"title": "Control", "section": "abuse", "status": "PUBLISHED", "body": "Text."}
        article[field] = article.get(field, "A summary") + character
        status, _, text = service.request("POST", "/api/v1/articles", json.dumps(article).encode(), "application/json",
                                          editor=True)
        answers.append(f"{field} {status} {service.problem_type(text)}")
    line = json.dumps({"title": "Control \u0002 import", "section": "abuse", "body": "Text.", "status": "PUBLISHED"})
    status, _, text = service.request("POST", "/api/v1/articles/import", line.encode() + b"\n", "application/x-ndjson",
                                      editor=True)
    answers.append(f"import line {status} rejected {json.loads(text).get('rejectedCount') if status == 200 else '?'}")
    for feed in ("rss.xml", "atom.xml", "feed.json"):
        answers.append(f"{feed} {service.request('GET', '/api/v1/feeds/' + feed)[0]}")
    return "; ".join(answers)


def unbounded_bodies(service, hold):
    s = socket.create_connection((service.host, service.port))
    answer = []
    reader = threading.Thread(target=lambda: answer.append(s.recv(200)), daemon=True)
    s.settimeout(30)
    reader.start()  # the answer may come while the body is still being sent
    s.sendall(b"POST /api/v1/subscriptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"1" * 65536
    sent = 0
    try:
        s.sendall(b"6\r\n{\"a\":\"\r\n")
        while sent < 20_000_000 and not answer:
            s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
        s.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    reader.join(10)
    first = answer[0].split(b"\r\n", 1)[0].decode() if answer and answer[0] else "closed without an answer"
    chunked = f"{first} after {sent / 1e6:.1f} MB sent"
    s.close()
    s = socket.create_connection((service.host, service.port))
    s.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
    s.settimeout(10)
    try:
        h2c = s.recv(200).split(b"\r\n", 1)[0].decode() or "closed"
    except OSError as e:
        h2c = type(e).__name__
    s.close()
    return f"20 MB chunked sign-up: {chunked}; h2c preface: {h2c}"


def expensive_searches(service, hold):
    body = ("war report " + WORDS) * (900_000 // (len(WORDS) + 11))
    lines = b"".join(json.dumps({"slug": f"abuse-search-{i}", "title": f"War report {i}", "section": "abuse",
                                 "status": "PUBLISHED", "body": body}).encode() + b"\n" for i in range(100))
    service.request("POST", "/api/v1/articles/import", lines, "application/x-ndjson", editor=True, timeout=600)
    answers, times, deadline, round_ = [], [], time.monotonic() + hold, 0
    while time.monotonic() < deadline:
        def search(i, round_=round_):
            started = time.monotonic()
            status, _, text = service.request("GET", f"/api/v1/articles?q=war+report+-zz{round_}x{i}&highlight=true&limit=100")
            times.append(time.monotonic() - started)
            return f"{status}" + (f" {service.problem_type(text)}" if status != 200 else "")
        answers += parallel(24, search)
        round_ += 1
    return f"{round_} rounds of 24: {tally(answers)}, slowest {max(times):.1f} s"


def parallel_imports(service, hold):
    def run(i):
        lines = b"".join(json.dumps({"slug": f"abuse-{i}-{n}", "title": f"Parallel {i} {n}", "section": "abuse",
                                     "status": "PUBLISHED", "body": WORDS}).encode() + b"\n" for n in range(5000))
        status, _, text = service.request("POST", "/api/v1/articles/import", lines, "application/x-ndjson", editor=True,
                                          timeout=600)
        if status == 200:
            return "200 created %d" % json.loads(text)["created"]
        return f"{status} {service.problem_type(text)}"

    return tally(parallel(12, run))


ATTACKS = {1: slow_bodies, 2: huge_signups, 3: imports, 5: control_characters, 6: unbounded_bodies,
           9: expensive_searches, 10: parallel_imports}


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("url")
    arguments.add_argument("token")
    arguments.add_argument("--only", default=",".join(map(str, ATTACKS)))
    arguments.add_argument("--hold", type=int, default=65, help="seconds attacks 1 and 9 last (default 65)")
    options = arguments.parse_args()
    service = Service(options.url, options.token)
    service.request("PUT", "/api/v1/sections/abuse", b'{"name":"Abuse"}', "application/json", editor=True)
    status, _, text = service.request("GET", "/api/v1/articles?limit=20")
    slugs = [item["slug"] for item in json.loads(text)["items"]] if status == 200 else []
    with Bystanders(service, slugs) as quiet:
        time.sleep(5)
    print(f"no attack: normal reads {quiet.summary()}", flush=True)
    for number in map(int, options.only.split(",")):
        started = time.monotonic()
        with Bystanders(service, slugs) as readers:
            got = ATTACKS[number](service, options.hold)
        print(f"{number} {ATTACKS[number].__name__} ({time.monotonic() - started:.0f} s): attacker got {got}", flush=True)
        print(f"   normal reads meanwhile: {readers.summary()}", flush=True)
    status, _, _ = service.request("GET", "/q/health/ready")
    print(f"after all: readiness {status}")


if __name__ == "__main__":
    main()
