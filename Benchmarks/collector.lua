-- SPDX-License-Identifier: Apache-2.0
-- wrk (Debian's 4.1.0) script: POST /v1/data/collector bodies of EVENTS events built from
-- Benchmarks/event.json, every event with a unique id in `userKey`:
--   <run>.<wrk thread>-<request number, 9 digits>-<event index, 2 digits>
-- so that bodies have a constant size and the relay (and its sink) never see the same event twice.
--
--   wrk -t1 -c16 -d60s -s Benchmarks/collector.lua http://127.0.0.1:PORT/v1/data/collector \
--       -- EVENT_FILE [EVENTS] [RUN]
-- With BENCH_STATIC=1 in the environment, one fixed body (the ids of request 0) is sent through wrk's
-- cached request: the cheapest load wrk can make, which tells the cost of building bodies in Lua
-- apart from the server's. (wrk decides static or dynamic before init() runs, from whether a global
-- request() exists when the script is loaded, hence the environment variable.)
-- At the end one line `WRKJSON {...}` gives the counts and latency percentiles in microseconds.

local event_file, events, run = "Benchmarks/event.json", 100, "r"
local static = os.getenv("BENCH_STATIC") == "1"
local counter = 0
local threads = {}
local parts = {}

local function load_template(path)
    local f = assert(io.open(path, "rb"))
    local text = f:read("*a"):gsub("%s+$", "")
    f:close()
    local head, tail = text:match("^(.-){id}(.*)$")
    assert(head, "the event template needs an {id} placeholder")
    return head, tail
end

local function build_parts(head, tail, prefix)
    -- parts: "{"events":[" head PREFIX idx tail "," head PREFIX idx tail ... "]}"
    parts = { '{"events":[' }
    for i = 0, events - 1 do
        if i > 0 then parts[#parts + 1] = "," end
        parts[#parts + 1] = head
        parts[#parts + 1] = prefix
        parts[#parts + 1] = string.format("%02d", i)
        parts[#parts + 1] = tail
    end
    parts[#parts + 1] = "]}"
end

-- Indices of the PREFIX slots, rewritten for every request.
local slots = {}

function setup(thread)
    thread:set("thread_index", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    event_file = args[1] or event_file
    events = tonumber(args[2] or "100")
    run = args[3] or run
    local head, tail = load_template(event_file)
    local prefix = run .. "." .. tostring(thread_index) .. "-" .. string.format("%09d", 0) .. "-"
    build_parts(head, tail, prefix)
    for i, v in ipairs(parts) do
        if v == prefix then slots[#slots + 1] = i end
    end
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.body = table.concat(parts)
end

if not static then
    -- A global request() makes wrk call it for every request instead of sending a cached one.
    function request()
        counter = counter + 1
        local p = run .. "." .. tostring(thread_index) .. "-" .. string.format("%09d", counter) .. "-"
        for _, i in ipairs(slots) do parts[i] = p end
        return wrk.format(nil, nil, nil, table.concat(parts))
    end
end

function done(summary, latency, requests)
    local function pct(p) return latency:percentile(p) end
    io.write(string.format(
        'WRKJSON {"requests":%d,"bytes":%d,"durationMicros":%d,"errorsConnect":%d,"errorsRead":%d,'
            .. '"errorsWrite":%d,"errorsStatus":%d,"errorsTimeout":%d,"latencyMicros":{"mean":%.1f,'
            .. '"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
        summary.requests, summary.bytes, summary.duration, summary.errors.connect, summary.errors.read,
        summary.errors.write, summary.errors.status, summary.errors.timeout, latency.mean, pct(50), pct(90),
        pct(99), pct(99.9), latency.max))
end
