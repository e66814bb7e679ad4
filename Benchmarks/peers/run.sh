#!/usr/bin/env bash
# Side-by-side: lko authorize (end to end, one process) vs Cedar, Casbin, Oso, Rego on the
# shared peer workload (/work/shared/peers). One command:
#
#   Benchmarks/peers/run.sh [--runs N] [--limit N] [--engines LIST]
#
# Environment: PEERS (harness folder, default ../shared/peers beside the repository), VENV (default /tmp/peers-venv),
# DATA (generated data, default /tmp/peers-data), WORK (lko policy + outputs, default /tmp/peers-lko).
# All of these live outside the repository.
set -euo pipefail

RUNS=5
LIMIT=0
ENGINES="overhead,reference,cedar,cedar-single,rego,casbin,oso"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    --engines) ENGINES="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--limit N] [--engines LIST]" >&2; exit 2 ;;
  esac
done

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# The harness lives in shared/ beside the repository (as on the project machines and in CI).
PEERS="${PEERS:-$(cd "$REPO/.." && pwd)/shared/peers}"
VENV="${VENV:-/tmp/peers-venv}"
DATA="${DATA:-/tmp/peers-data}"
WORK="${WORK:-/tmp/peers-lko}"
PY="${PYTHON:-python3.11}"
mkdir -p "$DATA" "$WORK"

# 1. The Python environment of the harness.
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import cedarpy, casbin, oso, regopy' 2>/dev/null; then
  "$VENV/bin/pip" install -q -r "$PEERS/requirements.txt"
fi

# 2. The workload (deterministic) and the same workload as an lko policy.
if [ ! -s "$DATA/expected.jsonl" ] || [ ! -s "$DATA/model.json" ]; then
  (cd "$PEERS" && PEERS_DATA="$DATA" "$VENV/bin/python" gen.py >/dev/null)
fi
python3 "$HERE/gen_lko_policy.py" "$DATA" "$WORK/policy"
REQUESTS="$DATA/requests.jsonl"
EXPECTED="$DATA/expected.jsonl"
if [ "$LIMIT" -gt 0 ]; then
  head -n "$LIMIT" "$DATA/requests.jsonl" > "$WORK/requests.jsonl"
  head -n "$LIMIT" "$DATA/expected.jsonl" > "$WORK/expected.jsonl"
  REQUESTS="$WORK/requests.jsonl"; EXPECTED="$WORK/expected.jsonl"
fi

# 3. lko, release build.
(cd "$REPO" && swift build -c release --product lko >&2)
LKO="$(cd "$REPO" && swift build -c release --show-bin-path)/lko"

# 4. lko authorize end to end: process start, read + parse + compile the policy, JSON Lines in,
#    JSON Lines out to a file. Monotonic clock; best and median of RUNS runs; every run is
#    compared line by line with expected.jsonl.
"$VENV/bin/python" - "$LKO" "$WORK/policy" "$REQUESTS" "$EXPECTED" "$WORK" "$RUNS" <<'PYEOF'
import json, statistics, subprocess, sys, time
lko, policy, requests, expected, work, runs = sys.argv[1:7]
runs = int(runs)
want = [json.loads(l)["decision"] for l in open(expected)]
n = len(want)
times = []
for i in range(runs + 1):          # run 0 warms the page cache and is not counted
    out_path = f"{work}/decisions.jsonl"
    with open(requests, "rb") as inp, open(out_path, "wb") as out:
        t0 = time.monotonic()
        rc = subprocess.run([lko, "authorize", "--policy", policy, "--requests", requests, "--at", "2026-03-02"],
                            stdout=out, stderr=subprocess.PIPE).returncode
        dt = time.monotonic() - t0
    if rc != 0:
        sys.exit(f"lko authorize exited with {rc}")
    got = [json.loads(l)["decision"] for l in open(out_path)]
    if len(got) != n:
        sys.exit(f"lko gave {len(got)} answers for {n} requests")
    bad = [k for k in range(n) if got[k] != want[k]]
    if bad:
        sys.exit(f"lko disagrees with expected.jsonl on {len(bad)} of {n} lines, first at line {bad[0] + 1}")
    if i > 0:
        times.append(dt)
# The policy alone (empty request stream): process start + parse + compile.
empty = f"{work}/empty.jsonl"
open(empty, "w").close()
load = []
for i in range(runs):
    t0 = time.monotonic()
    subprocess.run([lko, "authorize", "--policy", policy, "--requests", empty, "--at", "2026-03-02"],
                   stdout=subprocess.DEVNULL, check=True)
    load.append(time.monotonic() - t0)
res = {"n": n, "runs": runs, "best_s": min(times), "median_s": statistics.median(times),
       "times": times, "load_median_s": statistics.median(load), "agree": n}
json.dump(res, open(f"{work}/lko.json", "w"), indent=1)
print(f"lko authorize: {n} requests, agree {n}/{n} in every run; "
      f"best {res['best_s']:.3f}s, median {res['median_s']:.3f}s "
      f"(start+compile alone {res['load_median_s']:.3f}s)", file=sys.stderr)
PYEOF

# 5. The peers, from the same data.
BENCH_ARGS=(--engines "$ENGINES" --json "$WORK/peers.json")
[ "$LIMIT" -gt 0 ] && BENCH_ARGS+=(--limit "$LIMIT")
(cd "$PEERS" && PEERS_DATA="$DATA" "$VENV/bin/python" bench.py "${BENCH_ARGS[@]}" >&2)

# 6. One table.
"$VENV/bin/python" - "$WORK/lko.json" "$WORK/peers.json" <<'PYEOF'
import json, os, sys
lko = json.load(open(sys.argv[1])); peers = json.load(open(sys.argv[2]))
n = lko["n"]
rows = [("lko authorize (end to end)", n / lko["best_s"], n / lko["median_s"], lko["load_median_s"], "100%",
         "one process: start, parse + compile policy, JSON Lines in and out")]
for r in peers["rows"]:
    if "error" in r:
        rows.append((r["engine"], 0, 0, 0, "FAILED", r["error"])); continue
    agree = "n/a" if r["agree"] is None else ("100%" if r["agree"] == r["n"] else f"{r['agree']}/{r['n']}")
    rows.append((r["engine"] + (" " + r["version"] if r["version"] else ""), r["dps"], r["dps"], r["load_s"], agree,
                 "decide loop only (load excluded)"))
cedar = next((r["dps"] for r in peers["rows"] if r.get("key") == "cedar"), None)
print(f"\n{n} requests, {os.cpu_count()} cpu; lko best/median of {lko['runs']} runs, peers one timed pass each\n")
print(f"| engine | decisions/s (best) | decisions/s (median) | load (s) | × cedar (batch) | agreement | what is timed |")
print(f"| --- | ---: | ---: | ---: | ---: | --- | --- |")
for name, best, med, load, agree, what in rows:
    ratio = f"{med / cedar:.1f}×" if cedar and med else ""
    print(f"| {name} | {best:,.0f} | {med:,.0f} | {load:.3f} | {ratio} | {agree} | {what} |")
if cedar:
    r = n / lko["median_s"] / cedar
    print(f"\nlko end to end / cedar (batch) decide loop = {r:.1f}× (goal ≥ 30×): {'MET' if r >= 30 else 'MISSED'}")
PYEOF
