-- wrk script: requests drawn from a file of paths (one path and query a line).
--   wrk -s bench/lua/paths.lua URL -- FILE [random|sequence]
-- random: each request picks a line at random; sequence: each thread walks the file in order from its own
-- starting point (the mixed session file is a run of client sessions).
-- done() writes one JSON object to $RESULT_FILE, named $SCENARIO, times in microseconds.

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_index", thread_count)
  table.insert(threads, thread)
end

local requests = {}
local mode = "random"
local position = 0

function init(args)
  local file = args[1]
  mode = args[2] or "random"
  for line in io.lines(file) do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("GET", line)
    end
  end
  if #requests == 0 then
    error("no paths in " .. file)
  end
  math.randomseed(1000 + thread_index)
  position = math.floor((thread_index - 1) * #requests / 4)
end

function request()
  if mode == "sequence" then
    position = position % #requests + 1
    return requests[position]
  end
  return requests[math.random(#requests)]
end

function done(summary, latency, requests)
  local e = summary.errors
  local json = string.format(
    '{"scenario":"%s","requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%.1f,"p99_us":%.1f,"max_us":%.1f,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"status_errors":%d}',
    os.getenv("SCENARIO") or "?", summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status)
  local out = os.getenv("RESULT_FILE")
  if out then
    local f = assert(io.open(out, "w"))
    f:write(json, "\n")
    f:close()
  end
  io.write(json, "\n")
end
