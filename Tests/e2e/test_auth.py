# SPDX-License-Identifier: Apache-2.0
"""(b) Credentials Kinesis refuses: no record gets in, one kind of log line says why (with
moto's error code), and no secret ever shows up in the relay's output."""

from __future__ import annotations

import collections
import time

import pytest

import eventgen
import harness

CASES = {
    # case: (env overrides built from moto's env, error code moto answers with)
    "wrong-secret": (lambda env: {"AWS_SECRET_ACCESS_KEY": env["AWS_SECRET_ACCESS_KEY"][:-4] + "AAAA"},
                     "SignatureDoesNotMatch"),
    "unknown-key": (lambda env: {"AWS_ACCESS_KEY_ID": "AKIAZZZZZZZZZZZZZZZZ",
                                 "AWS_SECRET_ACCESS_KEY": "UnknownUnknownUnknownUnknownUnknown12345"},
                    "InvalidClientTokenId"),
    "read-only-key": (lambda env: {"AWS_ACCESS_KEY_ID": env["READONLY_ACCESS_KEY_ID"],
                                   "AWS_SECRET_ACCESS_KEY": env["READONLY_SECRET_ACCESS_KEY"]},
                      "AccessDenied"),
}


@pytest.mark.timeout_seconds(120)
@pytest.mark.parametrize("case", list(CASES))
def test_refused_credentials(case, start_relay, stream, moto):
    make_env, code = CASES[case]
    env = make_env(moto.env)
    relay = start_relay(stream, config={"shutdownGracePeriod": 3000}, env=env)
    body = harness.events_body(eventgen.simple_events(3, tag=case))
    response = relay.post_events(body)
    assert response.status == 200, (response.status, response.body[:300])

    def reasons():
        return [line for line in relay.log_lines() if code in str(line)]

    harness.wait_until(reasons, timeout=45, what=f"a log line containing {code}")
    time.sleep(2)  # let a retry or two happen: they must not add a second kind of line
    assert stream.read() == [], "Kinesis accepted records signed with refused credentials"
    relay.terminate(timeout=3 + 15)

    lines = reasons()
    kinds = collections.Counter((line.get("level"), harness.log_message(line)) for line in lines)
    print(f"{case}: {len(lines)} log lines mention {code}: {dict(kinds)}")
    assert len(kinds) == 1, f"more than one kind of log line mentions {code}: {kinds}"
    output = relay.stdout_text() + relay.stderr_text()
    for secret in {env["AWS_SECRET_ACCESS_KEY"], moto.env["AWS_SECRET_ACCESS_KEY"],
                   moto.env["READONLY_SECRET_ACCESS_KEY"]}:
        assert secret not in output, "a secret access key appears in the relay's output"
