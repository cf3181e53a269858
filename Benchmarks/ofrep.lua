-- SPDX-License-Identifier: Apache-2.0
-- wrk script: POST /ofrep/v1/evaluate/flags/bench-flag with one small evaluation context, the
-- request an OpenFeature OFREP provider makes for every evaluation. The same request goes to the relay
-- and to nginx (which answers a fixed OFREP body without evaluating anything).
--   wrk -t1 -c16 -d15s -s Benchmarks/ofrep.lua http://127.0.0.1:PORT/ofrep/v1/evaluate/flags/bench-flag
-- At the end one line `WRKJSON {...}` gives the counts and latency percentiles in microseconds.

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"context":{"targetingKey":"user-1234","email":"jane@example.com","country":"fr",'
    .. '"plan":"free","company":{"name":"Example"}}}'

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
