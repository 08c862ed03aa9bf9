-- wrk script: POSTs the JSON bodies read from a file (one per line) to one path, in turn; prints what cycle.lua prints.
-- usage: wrk ... -s bodies.lua http://127.0.0.1:PORT -- BODIES_FILE PATH
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  reqs = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(reqs, wrk.format("POST", args[2], {["Content-Type"] = "application/json"}, line))
    end
  end
  if #reqs == 0 then error("no bodies in " .. tostring(args[1])) end
  idx = 0
  ok = 0
  non2xx = 0
  bytes = 0
  responses = 0
end

function request()
  idx = idx % #reqs + 1
  return reqs[idx]
end

function response(status, headers, body)
  responses = responses + 1
  if status >= 200 and status < 300 then ok = ok + 1 else non2xx = non2xx + 1 end
  if body then bytes = bytes + #body end
end

function done(summary, latency, requests)
  local o, n, b, r = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); n = n + t:get("non2xx")
    b = b + t:get("bytes"); r = r + t:get("responses")
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %.0f %d %d %d %d %d\n",
    o / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    n, (r > 0) and (b / r) or 0, r, e.connect, e.read, e.write, e.timeout))
end
