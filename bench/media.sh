#!/usr/bin/env bash
# Media library benchmark: builds the service, starts it on a fresh embedded PostgreSQL with the local storage, and
# measures (1) the time from uploading a 12-megapixel JPEG to its answer, every rendition made; (2) heap and RSS while
# 8 uploads of 20 MB arrive at once; (3) serving a rendition's bytes against nginx serving the same file (the ceiling):
# 15 s of warm-up each, then the median of 3 runs.
# usage: bench/media.sh     needs java 17+, python3, curl, wrk and nginx (both fetched from Debian's archive when missing)
# env:   JAVA_OPTS (the service's; default -Xmx512m), UPLOADS (sequential 12 MP uploads timed, default 5), DURATION (s, 10)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18191}
nginx_port=$((port + 2))
java_opts=${JAVA_OPTS:-"-Xmx512m -XX:+UseSerialGC"}
uploads=${UPLOADS:-5}
duration=${DURATION:-10}
work=$(mktemp -d)
token="bench-$RANDOM$RANDOM"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
nginx=/opt/bench/ceiling/nginx/usr/sbin/nginx
if [ ! -x "$nginx" ]; then
  mkdir -p /opt/bench/ceiling/pkg && (cd /opt/bench/ceiling/pkg && rm -f nginx_*.deb && apt-get download nginx >/dev/null \
    && dpkg -x nginx_*.deb /opt/bench/ceiling/nginx)
fi

java bench/MediaImages.java 4000 3000 0.9 12 "$work/photo-12mp.jpg"
java bench/MediaImages.java 5000 3750 0.98 75 "$work/photo-20mb.jpg"
./mvnw -B -q package -DskipTests

BROADSHEET_ADMIN_TOKEN="$token" QUARKUS_HTTP_PORT="$port" BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" \
BROADSHEET_EMBEDDED_POSTGRES_PORT=$((port + 1)) BROADSHEET_MEDIA_DIRECTORY="$work/media" \
BROADSHEET_SUBSCRIPTIONS_API_URL="http://localhost:$port" \
  java $java_opts -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
service=$!
nginx_pid=""
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$port/q/health/ready" >/dev/null && break
  sleep 0.5
done

echo "media on $(nproc) cores, $(java -version 2>&1 | head -n1), service $java_opts, local storage"
upload() { # file -> "seconds status"
  curl -s -o "$work/answer.json" -w '%{time_total} %{http_code}\n' -X POST "localhost:$port/api/v1/media" \
    -H "Authorization: Bearer $token" -H 'Content-Type: image/jpeg' --data-binary @"$1"
}
upload "$work/photo-12mp.jpg" >/dev/null # warm-up: the first upload loads the codecs
: >"$work/times"
for _ in $(seq 1 "$uploads"); do upload "$work/photo-12mp.jpg" >>"$work/times"; done
python3 - "$work/times" "$work/answer.json" <<'PY'
import json, statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
assert all(status == "201" for _, status in rows), rows
media = json.load(open(sys.argv[2]))
seconds = sorted(float(t) for t, _ in rows)
print(f"upload of a 12 MP JPEG ({media['width']} x {media['height']}) to its answer with all {len(media['renditions']) + 1} files: "
      f"median {statistics.median(seconds):.2f} s (min {seconds[0]:.2f}, max {seconds[-1]:.2f}, {len(seconds)} uploads)")
PY

# 8 uploads of 20 MB at once, sampling the service's RSS and used heap
: >"$work/samples"
( while kill -0 $service 2>/dev/null; do
    heap=$(jcmd $service GC.heap_info 2>/dev/null | python3 -c '
import re, sys
text = sys.stdin.read()
used = sum(int(k) for k in re.findall(r"used (\d+)K", text.split("Metaspace")[0]))
print(used // 1024)' || echo 0)
    echo "$(( $(ps -o rss= -p $service) / 1024 )) $heap" >>"$work/samples"
    sleep 0.1
  done ) &
sampler=$!
start=$(date +%s.%N)
uploaders=()
for i in $(seq 1 8); do upload "$work/photo-20mb.jpg" >"$work/parallel-$i" & uploaders+=($!); done
wait "${uploaders[@]}" || true
end=$(date +%s.%N)
kill $sampler 2>/dev/null || true
python3 - "$work" "$start" "$end" "$(stat -c %s "$work/photo-20mb.jpg")" <<'PY'
import glob, sys
work, start, end, size = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
statuses = [open(f).read().split()[1] for f in sorted(glob.glob(work + "/parallel-*"))]
samples = [tuple(map(int, line.split())) for line in open(work + "/samples") if len(line.split()) == 2]
print(f"8 parallel uploads of {size / 1e6:.1f} MB (5000 x 3750): {statuses.count('201')} of 8 stored in {end - start:.1f} s; "
      f"service RSS peak {max(s[0] for s in samples)} MiB, used heap peak {max(s[1] for s in samples)} MiB "
      f"({len(samples)} samples, the embedded PostgreSQL not included)")
PY

# serving one rendition: the service against nginx with the same bytes
url=$(python3 -c 'import json,sys; m = json.load(open(sys.argv[1])); print([r["url"] for r in m["renditions"] if r["name"] == "w640" and r["mimeType"] == "image/webp"][0])' "$work/answer.json")
file=${url#*/media/}
mkdir -p "$work/www/media/$(dirname "$file")" "$work/nginx/logs" "$work/nginx/tmp"
curl -sf "$url" -o "$work/www/media/$file"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  types { image/webp webp; image/jpeg jpg; }
  access_log off; sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  client_body_temp_path $work/nginx/tmp/body; proxy_temp_path $work/nginx/tmp/proxy; fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi; scgi_temp_path $work/nginx/tmp/scgi;
  server { listen 127.0.0.1:$nginx_port; root $work/www; etag on;
           location /media/ { add_header Cache-Control "public, max-age=31536000, immutable"; } }
}
CONF
"$nginx" -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx.conf"
nginx_pid=$(cat "$work/nginx/nginx.pid")
bytes=$(stat -c %s "$work/www/media/$file")
rate() { # url -> median requests/s and p99 of 3 wrk runs with 16 connections, after a warm-up (the JIT's, for the service)
  wrk -t1 -c16 -d15s "$1" >/dev/null 2>&1 || true
  for _ in 1 2 3; do wrk -t1 -c16 -d"${duration}s" --latency "$1"; done | python3 -c '
import re, statistics, sys
text = sys.stdin.read()
rps = [float(v) for v in re.findall(r"Requests/sec:\s+([\d.]+)", text)]
p99 = [float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit] for v, unit in re.findall(r"99%\s+([\d.]+)(us|ms|s)\b", text)]
bad = sum(int(v) for v in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
assert len(rps) == 3 and len(p99) == 3, text
print(f"{statistics.median(rps):.0f} {statistics.median(p99):.2f}ms {bad} {min(rps):.0f}-{max(rps):.0f}")'
}
read -r service_rps service_p99 service_bad service_spread < <(rate "$url")
read -r nginx_rps nginx_p99 nginx_bad nginx_spread < <(rate "http://127.0.0.1:$nginx_port/media/$file")
python3 -c 'import sys; s, n = float(sys.argv[1]), float(sys.argv[2]); print(f"serving a rendition ({sys.argv[3]} bytes, 16 connections, medians of 3 runs): service {s:.0f} req/s ({sys.argv[7]}; p99 {sys.argv[4]}, {sys.argv[6]} errors), nginx {n:.0f} req/s ({sys.argv[8]}; p99 {sys.argv[5]}): {100 * s / n:.0f}% of nginx")' \
  "$service_rps" "$nginx_rps" "$bytes" "$service_p99" "$nginx_p99" "$service_bad" "$service_spread" "$nginx_spread"
echo "service RSS after: $(( $(ps -o rss= -p $service) / 1024 )) MiB"
