# SPDX-License-Identifier: Apache-2.0
"""Deterministic collector events that exercise GOFF's encoding rules.

Feature and tracking events; unicode (accents, CJK, an emoji outside the BMP, U+2028),
control characters, quotes and backslashes, `<>&`; nested metadata, arrays and nulls; big
integers (beyond 2^53 and 2^64), floats small and large; creationDate in seconds, in
milliseconds and as a float; missing or empty source; missing contextKind; keys spelled with
another case (GOFF matches feature fields ignoring case); a few events GOFF skips (a non-bool
`default`, a non-integer tracking creationDate) — the relay must skip them too but still count
them in ingestedContentCount.
"""

from __future__ import annotations

import random
from typing import Any

TEXTS = [
    "plain", "café crème", "中文字符", "emoji 😀 ok", "line\u2028sep\u2029para",
    "tab\tnew\nline\rcr", "ctl\u0001\u001f", 'quote " and \\ backslash', "<script>&amp;</script>",
    "", " leading and trailing ", "ümlaut-ß-ø", "\u00e9\u0301 combining", "slash / ok",
]
NUMBERS = [
    0, 1, -1, 42, 1234567890, 2**53 + 1, 12345678901234567890, 2**64 + 7, -(2**63),
    3.14159, 0.1, 1e-7, 0.000001, 1e21, 1e20, 123456.789, 2.5e-300, 1.7976931348623157e308,
    -12.5, 100.0,
]
SECONDS = 1755600000


def any_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(8 if depth < 2 else 5)
    if kind == 0:
        return rng.choice([True, False])
    if kind == 1:
        return rng.choice(NUMBERS)
    if kind == 2:
        return rng.choice(TEXTS)
    if kind == 3:
        return None
    if kind == 4:
        return rng.randrange(-1000, 1000)
    if kind == 5:
        return [any_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["a", "b", "Z", "é", "<k>", "k&v", "nested", "10", "2"]) + str(i):
            any_value(rng, depth + 1) for i in range(rng.randrange(4))}


def creation_date(rng: random.Random) -> Any:
    choice = rng.randrange(4)
    if choice == 0:
        return SECONDS + rng.randrange(100000)
    if choice == 1:
        return (SECONDS + rng.randrange(100000)) * 1000 + rng.randrange(1000)   # milliseconds
    if choice == 2:
        return SECONDS + rng.randrange(100000) + rng.choice([0.25, 0.5, 0.999])  # float seconds
    return SECONDS


def metadata(rng: random.Random) -> Any:
    return {"provider": rng.choice(["python", "js", "go"]), "openfeature": True,
            "env": rng.choice(TEXTS), "build": rng.choice(NUMBERS),
            "nested": {"z": [1, "two", None, {"b": False, "a": 0.5}], "<tag>": "a&b"}}


def feature_event(rng: random.Random, index: int) -> dict:
    event: dict[str, Any] = {}
    if rng.random() < 0.9:
        event["kind"] = "feature"
    if rng.random() < 0.8:
        event["contextKind"] = rng.choice(["user", "anonymousUser"])
    event["userKey"] = f"user-{index}-{rng.choice(TEXTS)}"
    event["creationDate"] = creation_date(rng)
    event["key"] = rng.choice(["flag-a", "flag-<b>", "flag-é", "flag-&c", "checkout-v2"])
    event["variation"] = rng.choice(["on", "off", "SdkDefault", "variant «A»"])
    event["value"] = any_value(rng)
    event["default"] = rng.random() < 0.2
    roll = rng.random()
    if roll < 0.4:
        event["version"] = None
    elif roll < 0.8:
        event["version"] = rng.choice(["v1", "", "1.0.0-β"])
    roll = rng.random()
    if roll < 0.5:
        event["source"] = rng.choice(["INPROCESS", "SERVER", "PROVIDER_CACHE"])
    elif roll < 0.6:
        event["source"] = ""
    roll = rng.random()
    if roll < 0.3:
        event["metadata"] = metadata(rng)
    elif roll < 0.4:
        event["metadata"] = {}
    if rng.random() < 0.05:   # GOFF matches struct fields ignoring case
        event["UserKey"] = event.pop("userKey")
    return event


def tracking_event(rng: random.Random, index: int) -> dict:
    event: dict[str, Any] = {"kind": "tracking"}
    if rng.random() < 0.7:
        event["contextKind"] = rng.choice(["user", "anonymousUser"])
    event["userKey"] = f"tracker-{index}"
    date = creation_date(rng)
    event["creationDate"] = int(date)   # a float creationDate makes GOFF skip a tracking event
    event["key"] = rng.choice(["checkout", "add-to-cart", "click<&>"])
    if rng.random() < 0.8:
        event["evaluationContext"] = {"targetingKey": f"tracker-{index}", "email": "a@b.c",
                                      "attrs": any_value(rng, 1), "é": rng.choice(TEXTS)}
    if rng.random() < 0.8:
        event["trackingEventDetails"] = {"amount": rng.choice(NUMBERS), "items": [any_value(rng, 2)]}
    return event


def skipped_event(rng: random.Random, index: int) -> dict:
    """An event GOFF drops with an error log (counted, never exported)."""
    if rng.random() < 0.5:
        return {"kind": "feature", "userKey": f"bad-{index}", "creationDate": SECONDS, "key": "k",
                "variation": "v", "value": 1, "default": "yes"}
    return {"kind": "tracking", "userKey": f"bad-{index}", "creationDate": SECONDS + 0.5, "key": "k"}


def events(rng: random.Random, count: int, start: int = 0, skipped_share: float = 0.01) -> list[dict]:
    out = []
    for index in range(start, start + count):
        roll = rng.random()
        if roll < skipped_share:
            out.append(skipped_event(rng, index))
        elif roll < 0.3:
            out.append(tracking_event(rng, index))
        else:
            out.append(feature_event(rng, index))
    return out


def request_meta(rng: random.Random) -> Any:
    """`meta` of a request: absent, null, {}, or an object (the sentinel "absent" = no key)."""
    return rng.choice(["absent", None, {}, {"provider": "python", "openfeature": True,
                                            "app": rng.choice(TEXTS), "build": 7,
                                            "deep": {"list": [1, 2.5, "<x>"], "ok": None}}])


def simple_events(count: int, start: int = 0, tag: str = "e") -> list[dict]:
    """Plain, small feature events (for volume tests)."""
    return [{"kind": "feature", "contextKind": "user", "userKey": f"{tag}-user-{i}",
             "creationDate": SECONDS + i, "key": "volume-flag", "variation": "on",
             "value": i, "default": False, "version": "v1", "source": "INPROCESS"}
            for i in range(start, start + count)]
