#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a wrk Lua script that sends one pre-signed PutRecords (valid for 5 minutes) over and over.

Usage: make_wrk_script.py PORT RECORDS RECORD_SIZE OUT.lua
"""
import base64, json, random, sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
port, n, size, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(1)
recs = []
for i in range(n):
    payload = json.dumps({"kind": "feature", "contextKind": "user", "userKey": f"user-{rng.randrange(10**9)}",
        "creationDate": 1764100000 + i, "key": "my-flag", "variation": "on", "value": True, "default": False,
        "version": "1.0.0", "source": "PROVIDER_CACHE"})
    payload = (payload + " " * size)[:size]
    recs.append({"Data": base64.b64encode(payload.encode()).decode(), "PartitionKey": f"user-{rng.randrange(10**9)}"})
body = json.dumps({"StreamName": "flag-events", "Records": recs}, separators=(",", ":"))
req = AWSRequest(method="POST", url=f"http://127.0.0.1:{port}/", data=body.encode(), headers={
    "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Kinesis_20131202.PutRecords"})
SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "kinesis", "us-east-1").add_auth(req)
h = req.prepare().headers
with open(out, "w") as f:
    f.write('wrk.method = "POST"\n')
    f.write("wrk.body = [==[" + body + "]==]\n")
    for k in ("Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization"):
        f.write(f'wrk.headers["{k}"] = "{h[k]}"\n')
    f.write('''
done = function(summary, latency, requests)
  io.write(string.format("calls/s %.0f  records/s %.0f  p50 %.2f ms  p99 %.2f ms  errors status %d\\n",
    summary.requests / (summary.duration / 1e6), RECS * summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
'''.replace("RECS", str(n)))
print(len(body), "bytes body")
