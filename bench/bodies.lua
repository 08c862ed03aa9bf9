-- wrk script: POSTs the bodies read from a file (one per line) to one path, in turn: JSON, or NDJSON with its lines
-- joined by tabs (JSON holds none unescaped); counts and prints as the
-- kit's cycle.lua, whose functions it reuses (run from the repository's root).
-- usage: wrk ... -s bench/bodies.lua http://127.0.0.1:PORT -- BODIES_FILE PATH
dofile("bench/kit/lib/cycle.lua")

local read_lines = init

function init(args)
  read_lines(args) -- the counters
  reqs = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      if line:find("\t") then
        table.insert(reqs, wrk.format("POST", args[2], {["Content-Type"] = "application/x-ndjson"}, line:gsub("\t", "\n") .. "\n"))
      else
        table.insert(reqs, wrk.format("POST", args[2], {["Content-Type"] = "application/json"}, line))
      end
    end
  end
end
