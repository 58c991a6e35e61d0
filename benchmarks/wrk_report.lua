-- wrk script of the HTTP benchmark: one JSON line of figures at the end (wrk prints no p95 by itself).
-- Any answer other than 200 counts as an error (wrk itself only counts 4xx/5xx: a redirect to the login would pass).
-- With WRK_PATHS=<file>, each request takes the next line of the file: "path" or "path<TAB>cookie header".
local threads = {}
local counter = 0
not_ok = 0

setup = function(thread)
  table.insert(threads, thread)
end

response = function(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

local file = os.getenv("WRK_PATHS")
if file then
  local targets = {}
  for line in io.lines(file) do
    local path, cookie = line:match("^([^\t]+)\t(.*)$")
    table.insert(targets, { path = path or line, cookie = cookie })
  end
  request = function()
    counter = counter + 1
    local target = targets[(counter % #targets) + 1]
    local headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    if target.cookie then
      headers["Cookie"] = target.cookie
    end
    return wrk.format(nil, target.path, headers)
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
  end
  io.write(string.format(
    'WRK-JSON {"requests": %d, "duration_us": %d, "not_ok": %d, "socket_errors": %d, ' ..
    '"timeouts": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, bad, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
