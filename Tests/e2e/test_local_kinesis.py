# SPDX-License-Identifier: Apache-2.0
"""scripts/local-kinesis and scripts/moto_serialized.py: auth really enforced, signed writes
read back byte for byte, no record lost under concurrent writers, busy port refused, --stop."""

from __future__ import annotations

import os
import subprocess
import threading

import botocore.exceptions
import pytest

import harness


def error_code(call) -> tuple[int, str]:
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        call()
    response = caught.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], str(response)


def test_exports(moto):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_ENDPOINT_URL_KINESIS",
                 "KINESIS_STREAM", "KINESIS_STREAM_ARN", "READONLY_ACCESS_KEY_ID",
                 "READONLY_SECRET_ACCESS_KEY", "MOTO_PID", "MOTO_PORT", "LOCAL_KINESIS_STATE_DIR"):
        assert moto.env.get(name), name
    assert moto.env["AWS_ENDPOINT_URL_KINESIS"] == f"http://127.0.0.1:{moto.port}"
    assert moto.env["KINESIS_STREAM_ARN"].endswith(f":stream/{moto.env['KINESIS_STREAM']}")


def test_auth_is_enforced(moto, stream):
    status, text = error_code(lambda: moto.kinesis(secret=moto.env["AWS_SECRET_ACCESS_KEY"] + "x")
                              .put_record(StreamName=stream.name, Data=b"x", PartitionKey="k"))
    assert status == 403 and "SignatureDoesNotMatch" in text
    status, text = error_code(lambda: moto.kinesis("AKIAZZZZZZZZZZZZZZZZ", "nope")
                              .put_record(StreamName=stream.name, Data=b"x", PartitionKey="k"))
    assert status == 403 and "InvalidClientTokenId" in text
    readonly = moto.kinesis(moto.env["READONLY_ACCESS_KEY_ID"], moto.env["READONLY_SECRET_ACCESS_KEY"])
    assert stream.name in readonly.list_streams()["StreamNames"]
    status, text = error_code(lambda: readonly.put_record(StreamName=stream.name, Data=b"x", PartitionKey="k"))
    assert status == 403 and "AccessDenied" in text
    assert stream.read() == []


def test_signed_put_reads_back_exact_bytes(moto, stream):
    payloads = [b'{"a":1}', bytes([0, 1, 255, 98, 105, 110]), "é中😀".encode("utf-8"), b"x" * 100000]
    client = moto.kinesis()
    result = client.put_records(StreamARN=stream.arn, Records=[
        {"Data": data, "PartitionKey": "default"} for data in payloads])
    assert result["FailedRecordCount"] == 0
    records = stream.read()
    assert [r.data for r in records] == payloads
    assert {r.partition_key for r in records} == {"default"}


@pytest.mark.timeout_seconds(120)
def test_concurrent_writers_lose_nothing(moto, stream):
    writers, calls, per_call = 4, 25, 20
    errors = []

    def write(writer: int) -> None:
        client = moto.kinesis()
        try:
            for call in range(calls):
                client.put_records(StreamName=stream.name, Records=[
                    {"Data": f"{writer}-{call}-{i}".encode(), "PartitionKey": "default"}
                    for i in range(per_call)])
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    records = stream.read()
    assert len(records) == writers * calls * per_call
    assert len({r.data for r in records}) == len(records)
    assert len({(r.shard_id, r.sequence_number) for r in records}) == len(records)


def test_busy_port_is_refused(moto, tmp_path):
    env = dict(os.environ, PORT=str(moto.port), STATE_DIR=str(tmp_path / "busy"))
    done = subprocess.run([str(harness.LOCAL_KINESIS)], env=env, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode != 0
    assert "already in use" in done.stderr
    assert done.stdout == ""


def running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except OSError:
        return False


def test_stop(tmp_path):
    server = harness.Moto.start(tmp_path / "own")
    pid, port = int(server.env["MOTO_PID"]), server.port
    assert harness.http_request(port, "GET", "/moto-api/data.json").status == 200
    server.stop()
    harness.wait_until(lambda: not running(pid), timeout=10, what="moto to exit")
    with pytest.raises(OSError):
        harness.http_request(port, "GET", "/moto-api/data.json", timeout=2)
