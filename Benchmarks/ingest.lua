-- wrk script for run-ingest.sh: each wrk thread replays its own file of prepared, signed
-- deliveries (written by IngestDeliveries), one request per line, in order.
--   wrk -s ingest.lua URL -- PREFIX TENANT     reads PREFIX-thread-<n>.txt
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path = "/webhooks/meta/" .. args[2]
  requests = {}
  for line in io.lines(args[1] .. "-thread-" .. number .. ".txt") do
    local signature, body = line:match("^(%S+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", path,
      { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
  end
  next_request = 0
  exhausted = 0
end

function request()
  next_request = next_request + 1
  if next_request > #requests then
    -- Sending one again would measure a duplicate, not an insert; the script reports it.
    exhausted = 1
    next_request = 1
  end
  return requests[next_request]
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    if thread:get("exhausted") == 1 then
      io.write("EXHAUSTED: a thread ran out of prepared deliveries; raise --per-file\n")
    end
  end
end
