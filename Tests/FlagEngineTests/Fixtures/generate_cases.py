#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Seeded random GOFF flags + evaluation contexts, evaluated by GOFF's own engine (the WASI build shipped in
gofeatureflag-python-provider==1.3.0, run through /work/shared/tools/goff-oracle/oracle_eval.py).

Writes JSONL, one flag per line:
  {"key": <flagKey>, "flag": <flag JSON>, "cases": [{"ctx": {...}, "enrich"?: {...}, "default"?: <any>,
   "expect": <oracle result, fields equal to their usual value dropped>}, ...]}
Dropped from "expect" when equal: trackEvents true, failed false, version "", errorCode "", cacheable true.
Cases where the oracle traps (TinyGo panics, e.g. an unparsable nikunjy query that gets evaluated) are left
out: GOFF's Go relay recovers from those panics and treats the rule as not matching.

  generate_cases.py --seed 1 --flags 900 --per-flag 12 --out cases.jsonl [--oracle-dir DIR]
"""
import argparse
import json
import os
import random
import sys

BASE_YEAR = 2025
ATTRS = ["email", "country", "age", "score", "beta", "plan", "appVersion", "tags", "company", "user", "ratio",
         "name", "anonymous", "level", "region", "bucket", "id", "createdAt", "flags", "tier"]
COUNTRIES = ["FR", "DE", "US", "fr", "Us", "GB", "ES"]
PLANS = ["pro", "team", "free", "Pro", "enterprise"]
WORDS = ["alpha", "beta", "gamma", "delta", "Example", "example.com", "@example.com", "HELLO", "hello", "",
         "éclair", "İstanbul", "ß", "a-b", "x"]
VARIANT_NAMES = ["on", "off", "red", "green", "blue", "A", "B", "True", "False", "v1", "v2", "control",
                 "treatment", "zeta", "Zeta", "é"]


def rdate(rng, spread_days=400):
    """RFC 3339 date around BASE_YEAR (whole seconds, sometimes with an offset or fraction)."""
    day = rng.randint(0, spread_days)
    secs = rng.randint(0, 86399)
    y, rest = BASE_YEAR, day
    months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    m = 0
    while rest >= months[m % 12]:
        rest -= months[m % 12]
        m += 1
        if m == 12:
            m, y = 0, y + 1
    hh, mm, ss = secs // 3600, (secs // 60) % 60, secs % 60
    base = f"{y:04d}-{m + 1:02d}-{rest + 1:02d}T{hh:02d}:{mm:02d}:{ss:02d}"
    r = rng.random()
    if r < 0.75:
        return base + "Z"
    if r < 0.9:
        return base + rng.choice(["+02:00", "-05:30", "+00:00"])
    return base + ".5Z"


class Gen:
    def __init__(self, rng):
        self.rng = rng

    # ----------------------------------------------------------------- contexts
    def attr_value(self, name):
        r = self.rng
        kind = r.random()
        if kind < 0.06:
            return None
        if kind < 0.12:  # type-confused values
            return r.choice([1, 2.5, "1", True, [1, 2], {"a": 1}, "", 0, -3, 2147483648, 1e20])
        if name == "email":
            return r.choice(["jane@example.com", "JOE@EXAMPLE.COM", "bob@other.org", "x@y.z", "admin@example.com"])
        if name in ("country", "region"):
            return r.choice(COUNTRIES)
        if name in ("age", "level", "tier", "id"):
            return r.choice([0, 1, 17, 18, 30, 42, 65, -1, 18.0, 18.5, 99, 100])
        if name in ("score", "ratio"):
            return r.choice([0.5, 9.5, 9.51, 10, 3.14159, -2.5, 100.0, 7])
        if name == "beta" or name == "anonymous":
            return r.choice([True, False, "true"])
        if name == "plan":
            return r.choice(PLANS)
        if name == "appVersion":
            return r.choice(["1.2.3", "1.2.4", "2.0.0", "1.2.3-beta.1", "1.2.3-rc.2", "1.10.0", "v1.2.3", "1.2",
                             "0.9.9+build.7", "01.2.3"])
        if name in ("tags", "flags"):
            return r.sample(["beta", "vip", "internal", "new", 1, 2], r.randint(0, 3))
        if name == "company":
            c = {"name": r.choice(["GOFF", "goff", "Acme", "acme corp"]), "size": r.choice([5, 50, 500, 5.5])}
            if r.random() < 0.5:
                c["id"] = r.choice(["c-1", "c-2", "", 7])
            if r.random() < 0.3:
                c["address"] = {"city": r.choice(["Paris", "Berlin"]), "zip": r.choice(["75001", 10115])}
            return c
        if name == "user":
            return {"role": r.choice(["admin", "dev", "Admin"]), "groups": r.sample(["a", "b", "c"], 2)}
        if name == "createdAt":
            return r.choice([1700000000, 1800000000, 2200000000, 1700000000123])
        if name == "bucket":
            return r.choice(["b-1", "b-2", "", "b-3"])
        return r.choice(WORDS)

    def context(self, time_sensitive, goff_date):
        r = self.rng
        ctx = {}
        tk = r.random()
        if tk < 0.88:
            ctx["targetingKey"] = f"user-{r.randint(0, 5000)}"
        elif tk < 0.93:
            ctx["targetingKey"] = ""
        elif tk < 0.96:
            ctx["targetingKey"] = r.choice([42, None, True])
        for name in r.sample(ATTRS, r.randint(0, 9)):
            ctx[name] = self.attr_value(name)
        if r.random() < 0.05:
            ctx["key"] = "other-key"
        if time_sensitive or r.random() < 0.1:
            if goff_date:
                ctx["gofeatureflag"] = {"currentDateTime": rdate(r, 500)}
        return ctx

    # ----------------------------------------------------------------- queries
    def literal_for(self, name, op):
        r = self.rng
        if op == "in":
            kind = r.random()
            if kind < 0.4:
                return "[" + r.choice([", ", ","]).join(json.dumps(s) for s in r.sample(
                    COUNTRIES + PLANS + ["jane@example.com", "beta", "vip"], r.randint(1, 4))) + "]"
            if kind < 0.7:
                return "[" + ", ".join(str(i) for i in r.sample([0, 1, 17, 18, 30, 42, 65, 99, 7], r.randint(1, 4))) + "]"
            return "[" + ", ".join(r.choice(["0.5", "9.5", "18.0", "3.14159", "7.0"]) for _ in range(r.randint(1, 3))) + "]"
        kind = r.random()
        if name == "appVersion" and kind < 0.7:
            return r.choice(["1.2.3", "1.2.4", "2.0.0", "1.2.3-beta.1", "1.2.3-beta.2", "1.0.0", "1.10.0"])
        if name in ("age", "level", "tier", "id", "createdAt") and kind < 0.7:
            return r.choice(["18", "30", "0", "-1", "17", "100", "18.0", "18.5", "1700000000", "2147483648",
                             "99999999999999999999"])
        if name in ("score", "ratio") and kind < 0.7:
            return r.choice(["9.5", "10", "0.5", "3.14", "-2.5", "1.0e1", "7"])
        if name in ("beta", "anonymous") and kind < 0.7:
            return r.choice(["true", "false"])
        if kind < 0.85:
            return json.dumps(r.choice(WORDS + COUNTRIES + PLANS + ["jane@example.com", "@example.com", "GOFF"]))
        return r.choice(["null", "true", "42", "1.5", '"1"'])

    def path(self):
        r = self.rng
        p = r.random()
        if p < 0.12:
            return r.choice(["company.name", "company.size", "company.id", "company.address.city",
                             "user.role", "company.missing.deep", "user.groups"])
        if p < 0.17:
            return r.choice(["targetingKey", "key", "anonymous", "missingAttr"])
        return r.choice(ATTRS)

    def compare(self):
        r = self.rng
        name = self.path()
        if r.random() < 0.08:
            return f"{name} pr"
        op = r.choice(["eq", "ne", "lt", "gt", "le", "ge", "co", "sw", "ew", "in", "eq", "eq", "==", "!=", "<",
                       ">", "<=", ">=", "EQ", "IN", "CO"])
        return f"{name} {op} {self.literal_for(name.split('.')[-1], op.lower() if op.isalpha() else op)}"

    def nikunjy(self, depth=0):
        r = self.rng
        roll = r.random()
        if depth > 2 or roll < 0.45:
            return self.compare()
        if roll < 0.8:
            joiner = r.choice([" and ", " or ", " and ", " or ", " AND ", " OR "]) if r.random() < 0.93 else \
                r.choice(["  and ", " and  ", " or  "])
            return self.nikunjy(depth + 1) + joiner + self.nikunjy(depth + 1)
        inner = self.nikunjy(depth + 1)
        return r.choice(["(", "not (", "NOT (", "( ", "not("]) + inner + r.choice([")", " )", ")"])

    PIECES = [" ", "  ", "(", ")", " (", ") ", "not ", "NOT ", " and ", " or ", " AND ", "and", "or", "[", "]", ",",
              ", ", "garbage", " x", "\"s\"", "1", "-", ".", "eq", " eq ", "pr", "\t", "'", "1.5", "true", "null",
              "e5", "E+3", "\n  ", "!", "="]

    def mutate(self, q):
        """Typos: inserted or deleted characters and spaces (GOFF evaluates whatever ANTLR recovers)."""
        r = self.rng
        for _ in range(r.randint(1, 3)):
            i = r.randint(0, len(q))
            roll = r.random()
            if roll < 0.45:
                q = q[:i] + r.choice(self.PIECES) + q[i:]
            elif roll < 0.8:
                q = q[:i] + q[min(len(q), i + r.randint(1, 3)):]
            else:
                q = q.replace(" ", "  ", 1) if r.random() < 0.5 else q.replace(" ", "", 1)
        return q

    def jsonlogic_value(self, depth):
        r = self.rng
        roll = r.random()
        if depth > 2 or roll < 0.35:
            if r.random() < 0.6:
                v = {"var": self.path() if r.random() < 0.85 else r.choice(["", "tags.0", "company"])}
                if r.random() < 0.1:
                    v = {"var": [v["var"], r.choice(["dflt", 0, None])]}
                return v
            return r.choice([1, 0, 18, 9.5, "FR", "pro", "", True, False, None, [1, 2], ["FR", "DE"], "1.5", -0.0])
        return self.jsonlogic(depth + 1)

    def jsonlogic(self, depth=0):
        r = self.rng
        v = lambda: self.jsonlogic_value(depth)
        op = r.choice(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "and", "or", "!", "!!", "in", "if", "+", "-",
                       "*", "/", "%", "min", "max", "cat", "substr", "missing", "missing_some", "some", "all",
                       "none", "merge", "var", "<", "==", "and", "in", "?:", "abs", "filter", "map", "reduce",
                       "set", "contains_all", "contains_any", "contains_none"])
        if op in ("==", "===", "!=", "!==", "<=", ">=", ">"):
            return {op: [v(), v()]}
        if op == "<":
            return {op: [v(), v()] + ([v()] if r.random() < 0.2 else [])}
        if op in ("and", "or"):
            return {op: [v() for _ in range(r.randint(1, 3))]}
        if op in ("!", "!!"):
            return {op: r.choice([[v()], v()])}
        if op == "in":
            return {op: [{"var": self.path()}, r.choice([["FR", "DE", "pro"], [18, 30, 42], "example.com pro",
                                                         {"var": "tags"}])]}
        if op == "abs":
            return {op: r.choice([[{"var": "score"}], {"var": "level"}, [], -3])}
        if op == "filter":
            return {op: [{"var": r.choice(["tags", "flags"])}, {"!=": [{"var": ""}, r.choice(["beta", 1])]}]}
        if op == "map":
            return {op: [{"var": r.choice(["tags", "flags", "nope"])}, {"cat": [{"var": ""}, "!"]}]}
        if op == "reduce":
            return {op: [{"var": r.choice(["flags", "tags"])}, {"+": [{"var": "accumulator"}, 1]},
                         r.choice([0, 10])]}
        if op == "set":
            return {"var": [{"set": [{"var": "company"}, "name", "x"]}, "company"]} if False else \
                {"==": [{"cat": [{"var": "country"}, "-"]}, "FR-"]}
        if op.startswith("contains_"):
            return {op: [{"var": r.choice(["tags", "flags", "user.groups"])},
                         r.sample(["beta", "vip", "a", "b", 1], r.randint(0, 2))]}
        if op in ("if", "?:"):
            return {op: [v() for _ in range(r.choice([2, 3, 5]))]}
        if op in ("+", "-", "*", "/", "min", "max"):
            return {op: [r.choice([1, 2, 18, 0.5, "3", {"var": "age"}, {"var": "score"}]) for _ in range(r.randint(0, 3))]}
        if op == "%":
            return {op: [r.choice([7, 10, {"var": "age"}]), r.choice([2, 3, 0])]}
        if op == "cat":
            return {op: [r.choice(["a", " b", {"var": "country"}, 1.5, 2]) for _ in range(r.randint(1, 3))]}
        if op == "substr":
            return {op: [r.choice(["hello world", {"var": "email"}, "éclair"]), r.randint(-4, 6)] +
                    ([r.randint(-3, 5)] if r.random() < 0.5 else [])}
        if op == "missing":
            return {op: r.sample(["email", "age", "company.name", "nope"], r.randint(1, 3))}
        if op == "missing_some":
            return {op: [r.randint(0, 2), r.sample(["email", "age", "plan", "nope"], 3)]}
        if op in ("some", "all", "none"):
            return {op: [{"var": r.choice(["tags", "flags", "user.groups", "nope"])},
                         {r.choice(["==", "!="]): [{"var": ""}, r.choice(["beta", "vip", "a", 1])]}]}
        if op == "merge":
            return {op: [[1], {"var": "tags"}, "x"]}
        return {"var": self.path()}

    def query(self):
        r = self.rng
        roll = r.random()
        if roll < 0.62:
            q = self.nikunjy()
            if r.random() < 0.25:
                q = self.mutate(q)
            return q
        if roll < 0.93:
            q = json.dumps(self.jsonlogic())
            return q if r.random() < 0.8 else json.dumps(json.loads(q), indent=1)
        return r.choice(["", "  ", "x eq", "email ew", "country eq 'FR'", "null"])

    # ----------------------------------------------------------------- flags
    def variations(self):
        r = self.rng
        names = r.sample(VARIANT_NAMES, r.randint(1, 4))
        kind = r.choice(["str", "num", "bool", "obj", "arr", "str"])
        out = {}
        for i, n in enumerate(names):
            if kind == "str":
                out[n] = n.upper() + str(i)
            elif kind == "num":
                out[n] = r.choice([0, 1, 2.5, 100, -7, 1e21])
            elif kind == "bool":
                out[n] = i % 2 == 0
            elif kind == "obj":
                out[n] = {"theme": n, "limits": list(range(i)), "nested": {"k": i}}
            else:
                out[n] = [n, i, None]
        if r.random() < 0.04:
            out[r.choice(names)] = None
        if r.random() < 0.04:
            out[names[0]] = 3 if kind != "num" else "three"
        return out

    def percentages(self, names):
        r = self.rng
        chosen = r.sample(names, r.randint(1, len(names)))
        if r.random() < 0.05:
            chosen.append("ghost")
        shares = r.choice([[100], [50, 50], [33, 33, 34], [10, 90], [25, 25, 50], [0, 100], [12.5, 87.5],
                           [20, 20, 20, 40], [1, 2, 3], [0.125, 0.875], [0, 0], [100, 100]])
        return {n: shares[i % len(shares)] for i, n in enumerate(chosen)}

    def progressive(self, names):
        r = self.rng
        start = rdate(r)
        end = rdate(r)
        pr = {"initial": {"variation": r.choice(names), "date": start},
              "end": {"variation": r.choice(names), "date": end}}
        if r.random() < 0.6:
            pr["initial"]["percentage"] = r.choice([0, 10, 25, 50])
        if r.random() < 0.6:
            pr["end"]["percentage"] = r.choice([0, 50, 90, 100, 150])
        if r.random() < 0.08:
            del pr[r.choice(["initial", "end"])][r.choice(["variation", "date"])]
        return pr

    def rule(self, names, named=True):
        r = self.rng
        rule = {}
        if named and r.random() < 0.6:
            rule["name"] = r.choice(["rule-a", "rule-b", "rule-c", "", "staff", "beta-users"])
        q = r.random()
        if q < 0.9:
            rule["query"] = self.query()
        serve = r.random()
        if serve < 0.55:
            rule["variation"] = r.choice(names + (["missing-variation"] if r.random() < 0.05 else []))
        elif serve < 0.85:
            rule["percentage"] = self.percentages(names)
            if r.random() < 0.2:
                rule["variation"] = r.choice(names)
        elif serve < 0.97:
            rule["progressiveRollout"] = self.progressive(names)
        if r.random() < 0.08:
            rule["disable"] = r.choice([True, False])
        if r.random() < 0.03:
            rule["percentage"] = {}
        return rule

    def flag(self):
        r = self.rng
        variations = self.variations()
        names = list(variations)
        flag = {"variations": variations}
        if r.random() < 0.75:
            flag["targeting"] = [self.rule(names) for _ in range(r.randint(1, 4))]
        if r.random() < 0.96:
            d = self.rule(names, named=False)
            d.pop("query", None)
            if r.random() < 0.03:
                d = {}
            flag["defaultRule"] = d
        if r.random() < 0.08:
            flag["bucketingKey"] = r.choice(["company.id", "bucket", "bucket", "email", "email", "",
                                             "company.address.zip", "nope"])
        if r.random() < 0.08:
            flag["disable"] = r.choice([True, False])
        if r.random() < 0.15:
            flag["trackEvents"] = r.choice([True, False])
        if r.random() < 0.3:
            flag["version"] = r.choice(["1.0", "2", "v3.1.4", ""])
        if r.random() < 0.35:
            flag["metadata"] = r.choice([{"description": "d", "issue": 12}, {}, {"owner": {"team": "x"}}])
        if r.random() < 0.1:
            flag["experimentation"] = {k: rdate(r) for k in r.sample(["start", "end"], r.randint(0, 2))}
        if r.random() < 0.15:
            steps = []
            for _ in range(r.randint(1, 3)):
                step = {"date": rdate(r)} if r.random() < 0.95 else {}
                roll = r.random()
                if roll < 0.3:
                    upd = {"name": r.choice(["rule-a", "rule-b", "staff", "new-rule"])}
                    if r.random() < 0.5:
                        upd["variation"] = r.choice(names)
                    if r.random() < 0.4:
                        upd["percentage"] = {n: r.choice([-1, 0, 30, 70]) for n in r.sample(names, 1)}
                    if r.random() < 0.3:
                        upd["query"] = self.query()
                    if r.random() < 0.2:
                        upd["disable"] = r.choice([True, False])
                    step["targeting"] = [upd]
                elif roll < 0.5 and "defaultRule" in flag:
                    dr = {}
                    if r.random() < 0.5:
                        dr["variation"] = r.choice(names)
                    else:
                        dr["percentage"] = {n: r.choice([-1, 10, 50, 90]) for n in r.sample(names, 1)}
                    step["defaultRule"] = dr
                elif roll < 0.65:
                    step["disable"] = r.choice([True, False])
                elif roll < 0.75:
                    step["variations"] = {r.choice(names): variations[names[0]]}
                elif roll < 0.85:
                    step["experimentation"] = {"start": rdate(r)}
                else:
                    step["version"] = "scheduled"
                    step["trackEvents"] = False
                steps.append(step)
            flag["scheduledRollout"] = steps
        if r.random() < 0.02:
            flag["variations"] = r.choice([[1], "x"])  # PARSE_ERROR
        if r.random() < 0.01:
            flag["defaultRule"] = {"variation": True}  # PARSE_ERROR
        return flag

    def time_sensitive(self, flag):
        s = json.dumps(flag)
        return "scheduledRollout" in s or "experimentation" in s or "progressiveRollout" in s


def compact(result):
    out = dict(result)
    for k, v in (("trackEvents", True), ("failed", False), ("version", ""), ("errorCode", ""), ("cacheable", True)):
        if out.get(k) == v:
            del out[k]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--flags", type=int, default=900)
    ap.add_argument("--per-flag", type=int, default=12)
    ap.add_argument("--out", required=True)
    ap.add_argument("--oracle-dir", default=os.environ.get("GOFF_ORACLE_DIR", "/work/shared/tools/goff-oracle"))
    a = ap.parse_args()
    sys.path.insert(0, a.oracle_dir)
    import oracle_eval  # noqa: E402
    engine = oracle_eval.Engine(oracle_eval.default_wasm_path())
    rng = random.Random(a.seed)
    gen = Gen(rng)
    kept = traps = 0
    with open(a.out, "w") as out:
        for i in range(a.flags):
            flag = gen.flag()
            key = rng.choice(["flag-", "my-flag-", "f"]) + str(i)
            ts = gen.time_sensitive(flag)
            cases = []
            for _ in range(a.per_flag):
                ctx = gen.context(ts, True)
                case = {"ctx": ctx}
                enrich = None
                if rng.random() < 0.15:
                    enrich = {k: gen.attr_value(k) for k in rng.sample(ATTRS, rng.randint(1, 3))}
                    if rng.random() < 0.2 and "gofeatureflag" in ctx:
                        enrich["gofeatureflag"] = {"currentDateTime": rdate(rng, 500)}
                    case["enrich"] = enrich
                default = rng.choice([None, None, False, "sdk-default", 0, {"d": 1}])
                if default is not None:
                    case["default"] = default
                res = engine.evaluate(key, flag, ctx, default, enrich)
                if "oracleError" in res:
                    traps += 1
                    continue
                case["expect"] = compact(res)
                cases.append(case)
                kept += 1
            if cases:
                out.write(json.dumps({"key": key, "flag": flag, "cases": cases}, separators=(",", ":"),
                                     ensure_ascii=False) + "\n")
    print(f"seed {a.seed}: {kept} cases kept, {traps} oracle traps left out", file=sys.stderr)


if __name__ == "__main__":
    main()
