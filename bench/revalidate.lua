-- wrk script: GETs with If-None-Match, cycling through "path<TAB>etag" lines; like the kit's cycle.lua it prints
-- one RESULT line, but a 304 is the success here (a CDN revalidating what it holds).
-- usage: wrk ... -s revalidate.lua http://127.0.0.1:PORT -- FILE
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  reqs = {}
  for line in io.lines(args[1]) do
    local path, etag = line:match("^([^\t]+)\t(.+)$")
    if path then
      table.insert(reqs, wrk.format("GET", path, { ["If-None-Match"] = etag }))
    end
  end
  if #reqs == 0 then error("no lines in " .. tostring(args[1])) end
  idx = 0
  ok = 0
  other = 0
  responses = 0
end

function request()
  idx = idx % #reqs + 1
  return reqs[idx]
end

function response(status, headers, body)
  responses = responses + 1
  if status == 304 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, n, r = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); n = n + t:get("other"); r = r + t:get("responses")
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %.0f %d %d %d %d %d\n",
    o / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    n, 0, r, e.connect, e.read, e.write, e.timeout))
end
