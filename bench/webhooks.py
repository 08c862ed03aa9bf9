#!/usr/bin/env python3
"""Webhook delivery benchmark, against a running service (bench/webhooks.sh starts one).

A fast local receiver (a threaded HTTP server in this process, answering 204) is subscribed to article events, then:
  burst   BURST articles written at once by CLIENTS concurrent PUTs: the lag from each write's commit (its 2xx seen by
          the client) to its delivery (p50, p99, max), and the deliveries per second over the burst;
  import  IMPORT articles in one NDJSON import: how long after the import answered the last delivery arrived, and
          the deliveries per second from the import's start to the last delivery.
Every delivery's Standard Webhooks signature is checked (HMAC-SHA256 of id.timestamp.body with the secret).
usage: webhooks.py BASE_URL TOKEN DATASET_DIR [BURST] [IMPORT]   (IMPORT 0: no import; env CLIENTS=16)
"""
import base64, hashlib, hmac, json, statistics, sys, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

base, token, dataset = sys.argv[1], sys.argv[2], sys.argv[3]
burst = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
imported = int(sys.argv[5]) if len(sys.argv) > 5 else 10000
clients = int(__import__("os").environ.get("CLIENTS", "16"))
arrivals = {}          # slug -> first arrival (monotonic)
bodies = []            # (headers, body) for the signature check
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.monotonic()
        slug = json.loads(body)["data"]["slug"]
        with lock:
            arrivals.setdefault(slug, now)
            bodies.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def call(method, path, body=None, content_type="application/json"):
    request = urllib.request.Request(base + path, data=body, method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return json.loads(answer.read() or b"null")


def wait_for(slugs, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with lock:
            if all(slug in arrivals for slug in slugs):
                return max(arrivals[slug] for slug in slugs)
        time.sleep(0.01)
    with lock:
        missing = [slug for slug in slugs if slug not in arrivals]
    pending = call("GET", f"/api/v1/webhooks/{webhook['id']}/deliveries?status=PENDING&limit=5")["items"]
    raise SystemExit(f"{len(missing)} deliveries never arrived, e.g. {missing[:3]}; pending: "
                     + "; ".join(f"{p['attempts']} attempts, {p['lastError']}" for p in pending))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Server(ThreadingHTTPServer):
    request_queue_size = 512  # the sender opens up to broadsheet.webhooks.batch connections at once
    daemon_threads = True


server = Server(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
webhook = call("POST", "/api/v1/webhooks", json.dumps({
    "url": f"http://127.0.0.1:{server.server_port}/hook", "events": ["article.published", "article.updated"],
    "description": "benchmark receiver"}).encode())
secret = webhook["secret"]

with open(f"{dataset}/articles.ndjson", encoding="utf-8") as lines:
    articles = [json.loads(line) for line in lines]
assert len(articles) >= burst + imported, f"the dataset has {len(articles)} articles, {burst + imported} are needed"
for article in articles:
    article["status"] = "PUBLISHED"
    article.pop("publishedAt", None)  # published now: each write is an article.published

# burst: concurrent single writes
acked = {}
def put(article):
    call("PUT", "/api/v1/articles/" + article["slug"], json.dumps(article).encode())
    acked[article["slug"]] = time.monotonic()
started = time.monotonic()
with ThreadPoolExecutor(clients) as pool:
    list(pool.map(put, articles[:burst]))
last = wait_for(list(acked))
lags = [max(0.0, arrivals[slug] - acked[slug]) * 1000 for slug in acked]
early = sum(1 for slug in acked if arrivals[slug] < acked[slug])
print(f"burst   {burst} writes by {clients} clients in {acked and max(acked.values()) - started:.2f} s; "
      f"commit-to-delivery lag p50 {statistics.median(lags):.1f} ms, p99 {pct(lags, 99):.1f} ms, max {max(lags):.1f} ms "
      f"({early} delivered before their client saw the 2xx); {burst / (last - started):.0f} deliveries/s over the burst")

# where the time went, as the delivery log says: change (its transaction's start) -> claimed -> answered
log, cursor = [], None
while True:
    page = call("GET", f"/api/v1/webhooks/{webhook['id']}/deliveries?limit=100" + (f"&cursor={cursor}" if cursor else ""))
    log += page["items"]
    cursor = page["next"]
    if not cursor:
        break
from datetime import datetime
def ms(a, b):
    return (datetime.fromisoformat(b.replace("Z", "+00:00")) - datetime.fromisoformat(a.replace("Z", "+00:00"))).total_seconds() * 1000
claimed = [ms(d["createdAt"], d["lastAttemptAt"]) for d in log]
answered = [ms(d["lastAttemptAt"], d["deliveredAt"]) for d in log]
print(f"        in the service: claimed p50 {statistics.median(claimed):.1f} ms / p99 {pct(claimed, 99):.1f} ms after the change's "
      f"transaction began, answered p50 {statistics.median(answered):.1f} ms / p99 {pct(answered, 99):.1f} ms after the claim")

# import: a backlog as fast as the import writes it
batch = articles[burst:burst + imported]
if batch:
    ndjson = "".join(json.dumps(article) + "\n" for article in batch).encode()
    started = time.monotonic()
    report = call("POST", "/api/v1/articles/import", ndjson, "application/x-ndjson")
    answered = time.monotonic()
    last = wait_for([article["slug"] for article in batch])
    print(f"import  {report['created']} articles imported in {answered - started:.2f} s; last delivery "
          f"{max(0.0, last - answered) * 1000:.0f} ms after the import answered; {imported / (last - started):.0f} deliveries/s "
          f"from the import's start")

key = base64.b64decode(secret.removeprefix("whsec_"))
bad = 0
for headers, body in bodies:
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    bad += expected not in headers["webhook-signature"].split(" ")
ids = [headers["webhook-id"] for headers, _ in bodies]
print(f"checked {len(bodies)} deliveries: {bad} bad signatures, {len(ids) - len(set(ids))} delivered twice")
