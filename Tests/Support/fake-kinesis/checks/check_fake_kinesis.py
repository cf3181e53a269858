#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Hand checks of fake-kinesis with botocore (boto3 and SigV4Auth) and raw sockets.

Usage: python3 check_fake_kinesis.py [path/to/fake-kinesis]   (default: .build/debug/fake-kinesis)
Starts its own fakes on loopback, prints PASS/FAIL lines, exits 1 on any failure.
"""
import atexit, base64, errno, hashlib, http.client, json, os, random, signal, socket, struct, subprocess, sys
import tempfile, time, urllib.request
import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/fake-kinesis"
TMP = tempfile.mkdtemp(prefix="fake-kinesis-")
AK, SK = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
CREDS = Credentials(AK, SK)
STREAM = "flag-events"
ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/flag-events"
PORT = 0
URL = ""
ok = True


def check(name, cond, detail=""):
    global ok
    print(("PASS " if cond else "FAIL ") + name + ("" if cond else f"  -> {detail}"))
    ok = ok and bool(cond)


PROCESSES = []


def stop_all():
    for p in PROCESSES:
        if p.poll() is None:
            p.kill()


atexit.register(stop_all)


def start(*args):
    global PORT, URL
    p = subprocess.Popen([BIN, *args], stdout=subprocess.PIPE, text=True)
    PROCESSES.append(p)
    line = p.stdout.readline().strip()
    assert line.startswith("fake-kinesis listening on 127.0.0.1:"), line
    PORT = int(line.rsplit(":", 1)[1])
    URL = f"http://127.0.0.1:{PORT}"
    return p


def ctl(path, body=None):
    req = urllib.request.Request(URL + path, data=None if body is None else json.dumps(body).encode(),
        method="GET" if body is None else "POST")
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def client(ak=AK, sk=SK, token=None, validate=True):
    return boto3.client("kinesis", endpoint_url=URL, region_name="us-east-1", aws_access_key_id=ak,
        aws_secret_access_key=sk, aws_session_token=token,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, parameter_validation=validate))


def err(fn):
    try:
        fn(); return None
    except ClientError as e:
        return (e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"])


def raw_call(body, target="Kinesis_20131202.PutRecords", tamper=None, creds=CREDS):
    req = AWSRequest(method="POST", url=URL + "/", data=body, headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target})
    SigV4Auth(creds, "kinesis", "us-east-1").add_auth(req)
    p = req.prepare()
    data = tamper if tamper is not None else body
    r = urllib.request.Request(URL + "/", data=data, headers=dict(p.headers), method="POST")
    try:
        with urllib.request.urlopen(r) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read())
    except urllib.error.HTTPError as h:
        return h.code, dict(h.headers), json.loads(h.read())


def signed(body):
    req = AWSRequest(method="POST", url=URL + "/", data=body, headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Kinesis_20131202.PutRecords"})
    SigV4Auth(CREDS, "kinesis", "us-east-1").add_auth(req)
    return dict(req.prepare().headers)


class Conn:
    def __init__(self): self.c = None
    def call(self, body):
        if self.c is None: self.c = http.client.HTTPConnection("127.0.0.1", PORT)
        try:
            self.c.request("POST", "/", body=body, headers=signed(body))
            r = self.c.getresponse()
            return r.status, json.loads(r.read())
        except (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError) as e:
            self.c.close(); self.c = None
            return "reset", type(e).__name__


def batch(n, tag):
    recs = [{"Data": base64.b64encode(f"{tag}-{i}".encode()).decode(), "PartitionKey": f"k{i}"} for i in range(n)]
    return json.dumps({"StreamName": STREAM, "Records": recs}).encode(), [f"{tag}-{i}".encode() for i in range(n)]
def check_protocol_and_auth():
    RECORDS = os.path.join(TMP, "records.b64")
    p = start("--record-file", RECORDS)
    ctl("/_fake/reset", {})
    k = client()
    rng = random.Random(42)
    sent = []
    for call in range(4):
        recs = []
        for i in range(500):
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
            if i == 0: data = b"line1\nline2\r\n\x00\xff"
            recs.append({"Data": data, "PartitionKey": f"user-{rng.randrange(10**6)}"})
        r = k.put_records(StreamName=STREAM, Records=recs) if call % 2 == 0 else k.put_records(StreamARN=ARN, Records=recs)
        check(f"put_records #{call} all accepted", r["FailedRecordCount"] == 0 and len(r["Records"]) == 500, r.get("FailedRecordCount"))
        # shard routing like AWS: md5 of key over 4 even ranges
        bad = 0
        for rec, res in zip(recs, r["Records"]):
            h = int.from_bytes(hashlib.md5(rec["PartitionKey"].encode()).digest(), "big")
            exp = min(h // (2**128 // 4), 3)
            if res["ShardId"] != f"shardId-{exp:012d}": bad += 1
        check(f"put_records #{call} shard routing = md5 ranges", bad == 0, bad)
        sent += [rec["Data"] for rec in recs]
    # routing for every key length 1..256 (MD5 tail handling)
    recs = [{"Data": b"z", "PartitionKey": ("k%d-" % n + "x" * n)[:n]} for n in range(1, 257)]
    bad = 0
    for part in (recs[:128], recs[128:]):
        r = k.put_records(StreamName=STREAM, Records=part)
        for rec, res in zip(part, r["Records"]):
            h = int.from_bytes(hashlib.md5(rec["PartitionKey"].encode()).digest(), "big")
            if res["ShardId"] != f"shardId-{min(h // (2**128 // 4), 3):012d}": bad += 1
        sent += [b"z"] * len(part)
    check("routing = md5 for key lengths 1..256", bad == 0, bad)
    # explicit hash key
    r = k.put_records(StreamName=STREAM, Records=[{"Data": b"x", "PartitionKey": "a", "ExplicitHashKey": str(2**127 + 5)}])
    check("ExplicitHashKey routes to shard 2", r["Records"][0]["ShardId"] == "shardId-000000000002", r)
    sent.append(b"x")
    r = k.put_record(StreamName=STREAM, Data=b"single", PartitionKey="k1")
    check("put_record", r["ShardId"].startswith("shardId-") and len(r["SequenceNumber"]) == 56, r)
    sent.append(b"single")
    ctl("/_fake/flush", {})
    lines = open(RECORDS, "rb").read().split(b"\n")
    check("record file ends with newline", lines[-1] == b"")
    got = [base64.b64decode(l, validate=True) for l in lines[:-1]]
    check("record file byte-exact, in order", got == sent, (len(got), len(sent)))

    s = k.list_shards(StreamName=STREAM)
    check("list_shards", [x["ShardId"] for x in s["Shards"]] == [f"shardId-{i:012d}" for i in range(4)]
          and s["Shards"][1]["HashKeyRange"]["StartingHashKey"] == str(2**126), s["Shards"][1])
    d = k.describe_stream_summary(StreamName=STREAM)["StreamDescriptionSummary"]
    check("describe_stream_summary", d["StreamARN"] == ARN and d["OpenShardCount"] == 4, d)

    # auth
    e = err(lambda: client(sk="wrong").put_records(StreamName=STREAM, Records=[{"Data": b"a", "PartitionKey": "a"}]))
    check("wrong secret -> 400 InvalidSignatureException", e and e[:2] == (400, "InvalidSignatureException")
          and e[2].startswith("The request signature we calculated does not match"), e)
    e = err(lambda: client(ak="AKIDOTHER").put_records(StreamName=STREAM, Records=[{"Data": b"a", "PartitionKey": "a"}]))
    check("unknown key -> 400 UnrecognizedClientException", e and e[:2] == (400, "UnrecognizedClientException"), e)
    e = err(lambda: client(token="tok").put_records(StreamName=STREAM, Records=[{"Data": b"a", "PartitionKey": "a"}]))
    check("unexpected token -> UnrecognizedClientException", e and e[1] == "UnrecognizedClientException", e)
    ctl("/_fake/faults", {"clockOffsetSeconds": 600})
    e = err(lambda: k.put_records(StreamName=STREAM, Records=[{"Data": b"a", "PartitionKey": "a"}]))
    check("skew +600 -> Signature expired", e and e[1] == "InvalidSignatureException" and e[2].startswith("Signature expired: ")
          and e[2].endswith(" - 5 min.)"), e)
    print("   ", e and e[2])
    ctl("/_fake/faults", {"clockOffsetSeconds": -600})
    e = err(lambda: k.put_records(StreamName=STREAM, Records=[{"Data": b"a", "PartitionKey": "a"}]))
    check("skew -600 -> Signature not yet current", e and e[2].startswith("Signature not yet current: "), e)
    ctl("/_fake/faults", {"clockOffsetSeconds": 200})
    check("skew +200 accepted", err(lambda: k.put_records(StreamName=STREAM, Records=[{"Data": b"a", "PartitionKey": "a"}])) is None)
    ctl("/_fake/faults", {"clockOffsetSeconds": 0})

    # tampered body: sign one body, send another
    body = json.dumps({"StreamName": STREAM, "Records": [{"Data": "YQ==", "PartitionKey": "a"}]}).encode()
    st, h, j = raw_call(body)
    check("botocore SigV4Auth raw call accepted", st == 200 and j["FailedRecordCount"] == 0, (st, j))
    check("Date header present", "Date" in h, h)
    st, h, j = raw_call(body, tamper=body.replace(b"YQ==", b"Yg=="))
    check("tampered body refused", st == 400 and j["__type"] == "InvalidSignatureException" and h.get("x-amzn-ErrorType") == "InvalidSignatureException", (st, j))
    st, h, j = raw_call(b"{}", target="Kinesis_20131202.CreateStream")
    check("unknown op -> UnknownOperationException", st == 400 and j["__type"] == "UnknownOperationException", (st, j))

    # validation (client-side validation off)
    kv = client(validate=False)
    def put(recs, **kw):
        return err(lambda: kv.put_records(StreamName=kw.get("stream", STREAM), Records=recs))
    e = put([{"Data": b"a", "PartitionKey": "a"}] * 501)
    check("501 records -> ValidationException", e and e[1] == "ValidationException", e)
    e = put([])
    check("0 records -> ValidationException", e and e[1] == "ValidationException", e)
    e = put([{"Data": b"a", "PartitionKey": "k" * 257}])
    check("key 257 -> ValidationException", e and e[1] == "ValidationException" and "partitionKey" in e[2], e)
    check("key 256 ok", put([{"Data": b"a", "PartitionKey": "k" * 256}]) is None)
    check("key 256 non-ASCII chars ok", put([{"Data": b"a", "PartitionKey": "é" * 256}]) is None)
    e = put([{"Data": b"a", "PartitionKey": ""}])
    check("empty key -> ValidationException", e and e[1] == "ValidationException", e)
    e = put([{"Data": b"a", "PartitionKey": "a", "ExplicitHashKey": str(2**128)}])
    check("hash key 2^128 -> InvalidArgumentException", e and e[1] == "InvalidArgumentException", e)
    check("hash key 2^128-1 ok", put([{"Data": b"a", "PartitionKey": "a", "ExplicitHashKey": str(2**128 - 1)}]) is None)
    e = put([{"Data": b"a", "PartitionKey": "a", "ExplicitHashKey": "012"}])
    check("hash key 012 -> ValidationException", e and e[1] == "ValidationException", e)
    e = put([{"Data": b"a" * (1024 * 1024), "PartitionKey": "a"}])
    check("record 1MiB+1 -> InvalidArgumentException", e and e[1] == "InvalidArgumentException", e)
    check("record exactly 1MiB ok", put([{"Data": b"a" * (1024 * 1024 - 1), "PartitionKey": "a"}]) is None)
    e = put([{"Data": b"a" * (1024 * 1024 - 1), "PartitionKey": "a"}] * 6)
    check("6 MiB call -> InvalidArgumentException", e and e[1] == "InvalidArgumentException", e)
    e = put([{"Data": b"a", "PartitionKey": "a"}], stream="nope")
    check("wrong stream -> ResourceNotFoundException", e and e[1] == "ResourceNotFoundException", e)
    e = err(lambda: kv.put_records(StreamARN="arn:aws:kinesis:us-east-1:999999999999:stream/flag-events", Records=[{"Data": b"a", "PartitionKey": "a"}]))
    check("wrong ARN -> ResourceNotFoundException", e and e[1] == "ResourceNotFoundException", e)
    st, h, j = raw_call(b'{"StreamName":"flag-events","Records":[{"Data":"a$==","PartitionKey":"a"}]}')
    check("bad base64 -> SerializationException", st == 400 and j["__type"] == "SerializationException", (st, j))
    st, h, j = raw_call(b'{"StreamName":"flag-events","Records":[{"Data":"YQ==","PartitionKey":"a\\u00e9\\/"}]')
    check("truncated JSON -> SerializationException", st == 400 and j["__type"] == "SerializationException", (st, j))
    st, h, j = raw_call(b'{"StreamName":"flag-events","Records":[{"Data":"Y\\/Q=","PartitionKey":"\\ud83d\\ude00"}]}')
    check("escapes in Data/key accepted", st == 200 and j["FailedRecordCount"] == 0, (st, j))
    p.terminate(); p.wait()


def check_faults():
    RECORDS = os.path.join(TMP, "faults.b64")
    p = start("--record-file", RECORDS)
    ctl("/_fake/reset", {})
    ctl("/_fake/faults", {"pteRate": 0.3, "internalFailureRate": 0.01, "seed": 7})
    conn = Conn()
    accepted = []
    codes = {}
    for call in range(200):
        body, datas = batch(500, f"c{call}")
        st, j = conn.call(body)
        assert st == 200, (st, j)
        assert len(j["Records"]) == 500 and j["FailedRecordCount"] == sum(1 for r in j["Records"] if "ErrorCode" in r)
        for d, r in zip(datas, j["Records"]):
            if "ErrorCode" in r: codes[r["ErrorCode"]] = codes.get(r["ErrorCode"], 0) + 1
            else: accepted.append(d)
    pte = codes.get("ProvisionedThroughputExceededException", 0); inf = codes.get("InternalFailure", 0)
    check("pteRate 0.3 over 100k records", 29400 < pte < 30600, pte)
    check("internalFailureRate 0.01 over 100k records", 880 < inf < 1120, inf)
    s = ctl("/_fake/stats")
    check("stats consistent", s["recordsAccepted"] == len(accepted) and s["recordsFailed"] == pte + inf
          and s["recordsReceived"] == 100000, {k: s[k] for k in ("recordsReceived", "recordsAccepted", "recordsFailed", "recordErrors")})
    ctl("/_fake/flush", {})
    lines = open(RECORDS, "rb").read().splitlines()
    check("record file == accepted set, in order", [base64.b64decode(l) for l in lines] == accepted, (len(lines), len(accepted)))

    # same seed -> same pattern
    def pattern(seed):
        ctl("/_fake/faults", {"seed": seed})
        body, _ = batch(500, "p")
        st, j = conn.call(body)
        return [r.get("ErrorCode") for r in j["Records"]]
    check("seeded: same seed gives same faults", pattern(11) == pattern(11) and pattern(11) != pattern(12))

    ctl("/_fake/faults", {"pteRate": 0, "internalFailureRate": 0, "serverErrorRate": 0.2, "throttleRate": 0.1})
    statuses = {}
    for call in range(1000):
        body, _ = batch(1, f"s{call}")
        st, j = conn.call(body)
        key = (st, j.get("__type", "ok") if isinstance(j, dict) else j)
        statuses[key] = statuses.get(key, 0) + 1
    print("    ", statuses)
    e5 = sum(v for (st, t), v in statuses.items() if st in (500, 503))
    th = sum(v for (st, t), v in statuses.items() if st == 400)
    check("serverErrorRate 0.2 over 1000 calls (500+503)", 160 < e5 < 240, e5)
    check("throttleRate 0.1 of the remaining ~800 calls", 50 < th < 110, th)
    check("5xx split into InternalFailure/ServiceUnavailable", statuses.get((500, "InternalFailure"), 0) > 50 and statuses.get((503, "ServiceUnavailable"), 0) > 50)
    check("400 split into Throttling/LimitExceeded", statuses.get((400, "ThrottlingException"), 0) > 20 and statuses.get((400, "LimitExceededException"), 0) > 20)

    ctl("/_fake/faults", {"serverErrorRate": 0, "throttleRate": 0, "resetRate": 0.25})
    resets = 0
    for call in range(400):
        body, _ = batch(1, f"r{call}")
        st, j = conn.call(body)
        if st == "reset": resets += 1
    check("resetRate 0.25 over 400 calls", 70 < resets < 130, resets)
    # a reset is a real RST: raw socket sees ECONNRESET
    ctl("/_fake/faults", {"resetRate": 1})
    sock = socket.create_connection(("127.0.0.1", PORT))
    body, _ = batch(1, "rst")
    hdrs = {k: v for k, v in signed(body).items() if k.lower() != "content-length"}
    sock.sendall(b"POST / HTTP/1.1\r\n" + f"Host: 127.0.0.1:{PORT}\r\n".encode() + b"".join(f"{k}: {v}\r\n".encode() for k, v in hdrs.items()) + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    try:
        got = sock.recv(100); kind = f"eof {got!r}"
    except ConnectionResetError:
        kind = "ECONNRESET"
    check("reset is a TCP RST", kind == "ECONNRESET", kind)
    sock.close()

    ctl("/_fake/faults", {"resetRate": 0, "delayMs": 50})
    conn = Conn()
    t = time.monotonic(); conn.call(batch(1, "d")[0]); dt = time.monotonic() - t
    check("delayMs 50", 0.05 <= dt < 0.2, round(dt, 3))
    ctl("/_fake/faults", {"delayMs": 0})

    # refuse window
    conn.call(batch(1, "before")[0])
    r = ctl("/_fake/faults", {"refuseForSeconds": 2})
    t0 = time.monotonic()
    def try_connect():
        try:
            socket.create_connection(("127.0.0.1", PORT), timeout=1).close(); return "ok"
        except ConnectionRefusedError: return "refused"
    st = try_connect()
    check("refuseForSeconds: new connections refused", st == "refused", st)
    st, j = conn.call(batch(1, "kept")[0])
    check("refuseForSeconds: kept-alive connection was closed", st == "reset" or st != 200, (st, j))
    while try_connect() == "refused" and time.monotonic() - t0 < 5: time.sleep(0.05)
    dt = time.monotonic() - t0
    check("listening again after ~2 s", 1.9 < dt < 2.6, round(dt, 2))
    conn = Conn()
    st, j = conn.call(batch(1, "after")[0])
    check("calls work after the window", st == 200, st)

    # per-shard rate limit
    ctl("/_fake/reset", {})
    ctl("/_fake/faults", {"shardRecordsPerSecond": 1000})
    recs = [{"Data": "YQ==", "PartitionKey": "hot"} for i in range(500)]
    body = json.dumps({"StreamName": "flag-events", "Records": recs}).encode()
    acc = 0
    t0 = time.monotonic()
    for i in range(6):
        st, j = conn.call(body); acc += 500 - j["FailedRecordCount"]
    dt = time.monotonic() - t0
    check("shardRecordsPerSecond 1000: ~1000 + refill accepted from 3000 hot-key records", 1000 <= acc <= 1000 + dt * 1000 + 5, (acc, round(dt, 3)))
    ctl("/_fake/faults", {"shardRecordsPerSecond": 0})
    p.terminate(); p.wait()


def check_binary_format():
    path = os.path.join(TMP, "records.bin")
    p = start("--record-file", path, "--record-format", "binary")
    port = PORT
    k = boto3.client("kinesis", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", config=Config(retries={"total_max_attempts": 1}))
    rng = random.Random(3); sent = []
    for c in range(3):
        recs = [{"Data": bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2000))), "PartitionKey": str(i)} for i in range(500)]
        assert k.put_records(StreamName="flag-events", Records=recs)["FailedRecordCount"] == 0
        sent += [r["Data"] for r in recs]
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/_fake/flush", data=b"", method="POST")).read()
    stats = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/_fake/stats").read())
    buf = open(path, "rb").read(); got = []; i = 0
    while i < len(buf):
        (n,) = struct.unpack(">I", buf[i:i+4]); got.append(buf[i+4:i+4+n]); i += 4 + n
    check("binary record file byte-exact", got == sent and stats["recordFormat"] == "binary", len(got))
    p.terminate(); p.wait()


def check_session_token_and_shutdown():
    for sig in (signal.SIGTERM, signal.SIGINT):
        path = os.path.join(TMP, f"shutdown-{sig.name}.b64")
        p = start("--record-file", path, "--session-token", "TOKEN1")
        port = PORT
        c = http.client.HTTPConnection("127.0.0.1", port)
        def call(token):
            body = json.dumps({"StreamName": "flag-events", "Records": [{"Data": base64.b64encode(b"rec%d" % i).decode(), "PartitionKey": "k"} for i in range(500)]}).encode()
            req = AWSRequest(method="POST", url=f"http://127.0.0.1:{port}/", data=body, headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Kinesis_20131202.PutRecords"})
            SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token), "kinesis", "us-east-1").add_auth(req)
            c.request("POST", "/", body=body, headers=dict(req.prepare().headers)); r = c.getresponse(); return r.status, json.loads(r.read())
        st, j = call("TOKEN1")
        st2, j2 = call(None)
        st3, j3 = call("OTHER")
        p.send_signal(sig)
        rc = p.wait(timeout=5)
        n = len(open(path, "rb").read().splitlines())
        check(f"--session-token: right token accepted", st == 200 and j["FailedRecordCount"] == 0, (st, j))
        check(f"--session-token: missing/wrong token -> UnrecognizedClientException",
              j2.get("__type") == j3.get("__type") == "UnrecognizedClientException", (j2, j3))
        check(f"{sig.name} within 100 ms: exit 0 and all 500 records flushed", rc == 0 and n == 500, (rc, n))


if __name__ == "__main__":
    for section in (check_protocol_and_auth, check_faults, check_binary_format, check_session_token_and_shutdown):
        print(f"== {section.__name__}")
        section()
    print("all checks passed" if ok else "SOME CHECKS FAILED")
    sys.exit(0 if ok else 1)
