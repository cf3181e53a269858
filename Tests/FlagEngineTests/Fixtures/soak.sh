#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak test of FlagEngine against GOFF's own engine: a fresh seeded batch of random flags and contexts,
# evaluated live by the oracle (needs `pip install gofeatureflag-python-provider==1.3.0` and
# /work/shared/tools/goff-oracle, or GOFF_ORACLE_DIR), then replayed through FlagEvaluator.
#   soak.sh [SEED] [FLAGS] [CASES_PER_FLAG]      (defaults: random seed, 3000 flags, 10 cases each)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seed="${1:-$(( (RANDOM << 15) | RANDOM ))}"
flags="${2:-3000}"
per_flag="${3:-10}"
out="$(mktemp /tmp/flagengine-soak-XXXXXX.jsonl)"
echo "soak: seed $seed, $flags flags x $per_flag contexts -> $out"
python3 "$here/generate_cases.py" --seed "$seed" --flags "$flags" --per-flag "$per_flag" --out "$out" 2>&1 \
    | grep -v 'ERROR error while' || true
cd "$here/../../.."
FLAGENGINE_SOAK_CASES="$out" swift test --filter 'FlagEngineTests.soakCasesHaveNoMismatch' 2>&1 \
    | grep -E 'FlagEngine soak|expected|actual|ctx=|passed|failed|error:' || true
