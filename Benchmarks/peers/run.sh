#!/usr/bin/env bash
# Side-by-side: lko authorize (end to end, one process) vs Cedar, and once each Casbin, Oso, Rego,
# on the shared peer workload (../shared/peers beside the repository). One command:
#
#   Benchmarks/peers/run.sh [--rounds N] [--limit N] [--engines LIST]
#
# The method (docs/benchmarks.md, "Peers"): N rounds; in each round lko (from the compiled bundle,
# and from the policy folder) and Cedar's batch decide loop are each run once, in alternating
# order (lko first in odd rounds, Cedar first in even ones), so both see the same machine. Every
# lko run's output is compared line by line with expected.jsonl. Reported: each engine's median
# and range over the rounds, the per-round ratio lko/Cedar (its median and range), and the load
# average before and after. The other peers (LIST, default casbin,oso,rego,…) run once after.
#
# Environment: PEERS (harness folder, default ../shared/peers beside the repository), VENV (default
# /tmp/peers-venv), DATA (generated data, default /tmp/peers-data), WORK (lko policy, bundle and
# outputs, default /tmp/peers-lko), SCRATCH (the release build folder, default .build-release),
# SWIFT_BUILD_FLAGS (extra flags for `swift build`), LKO (use this lko binary instead of building
# one). All outside the repository except SCRATCH, which is gitignored. The release build of lko
# is the one the repository ships (Package.swift: Swift runtime and Foundation linked statically,
# libcurl opened on first use), as `swift build -c release --product lko` makes it.
set -euo pipefail

ROUNDS=5
LIMIT=0
ENGINES="overhead,reference,cedar-single,rego,casbin,oso"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds|--runs) ROUNDS="$2"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    --engines) ENGINES="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--limit N] [--engines LIST]" >&2; exit 2 ;;
  esac
done

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# The harness lives in shared/ beside the repository (as on the project machines and in CI).
PEERS="${PEERS:-$(cd "$REPO/.." && pwd)/shared/peers}"
VENV="${VENV:-/tmp/peers-venv}"
DATA="${DATA:-/tmp/peers-data}"
WORK="${WORK:-/tmp/peers-lko}"
SCRATCH="${SCRATCH:-$REPO/.build-release}"
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
LIMIT_ARGS=()
if [ "$LIMIT" -gt 0 ]; then
  head -n "$LIMIT" "$DATA/requests.jsonl" > "$WORK/requests.jsonl"
  head -n "$LIMIT" "$DATA/expected.jsonl" > "$WORK/expected.jsonl"
  REQUESTS="$WORK/requests.jsonl"; EXPECTED="$WORK/expected.jsonl"
  LIMIT_ARGS=(--limit "$LIMIT")
fi

# 3. lko, release build (or the binary in $LKO, as built elsewhere), and the compiled bundle of
#    the workload's policy.
if [ -z "${LKO:-}" ]; then
  # shellcheck disable=SC2086
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" ${SWIFT_BUILD_FLAGS:-} --product lko >&2)
  # shellcheck disable=SC2086
  LKO="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/lko"
fi
"$LKO" compile --policy "$WORK/policy" --bundle "$WORK/policy.lkob" >/dev/null

# 4. Alternating rounds, then the other peers once, then one table.
"$VENV/bin/python" - "$LKO" "$WORK" "$REQUESTS" "$EXPECTED" "$ROUNDS" "$PEERS" "$DATA" "$ENGINES" "${LIMIT_ARGS[@]}" <<'PYEOF'
import json, os, statistics, subprocess, sys, time
lko, work, requests, expected, rounds, peers, data, engines = sys.argv[1:9]
limit = sys.argv[9:]
rounds = int(rounds)
want = [json.loads(l)["decision"] for l in open(expected)]
n = len(want)
env = dict(os.environ, PEERS_DATA=data)

def load():
    return "%.2f %.2f %.2f" % os.getloadavg()

def run_lko(args):
    out_path = f"{work}/decisions.jsonl"
    with open(out_path, "wb") as out:
        t0 = time.monotonic()
        rc = subprocess.run([lko, "authorize", *args, "--requests", requests, "--at", "2026-03-02"],
                            stdout=out, stderr=subprocess.PIPE).returncode
        dt = time.monotonic() - t0
    if rc != 0:
        sys.exit(f"lko authorize {' '.join(args)} exited with {rc}")
    got = [json.loads(l)["decision"] for l in open(out_path)]
    if len(got) != n:
        sys.exit(f"lko gave {len(got)} answers for {n} requests")
    bad = [k for k in range(n) if got[k] != want[k]]
    if bad:
        sys.exit(f"lko disagrees with expected.jsonl on {len(bad)} of {n} lines, first at line {bad[0] + 1}")
    return dt

def run_cedar():
    path = f"{work}/cedar-round.json"
    subprocess.run([sys.executable, "bench.py", "--engines", "cedar", "--json", path, *limit],
                   cwd=peers, env=env, check=True, stdout=subprocess.DEVNULL)
    row = next(r for r in json.load(open(path))["rows"] if r.get("key") == "cedar")
    if "error" in row or row["agree"] != row["n"]:
        sys.exit(f"cedar failed or disagreed: {row}")
    return row["dps"], row.get("version", "")

def startup(args):
    empty = f"{work}/empty.jsonl"
    open(empty, "w").close()
    t0 = time.monotonic()
    subprocess.run([lko, "authorize", *args, "--requests", empty, "--at", "2026-03-02"], stdout=subprocess.DEVNULL, check=True)
    return time.monotonic() - t0

bundle_args = ["--bundle", f"{work}/policy.lkob"]
policy_args = ["--policy", f"{work}/policy"]
load_before = load()
run_lko(bundle_args); run_lko(policy_args)            # warm the page cache; not counted
rows = []
for r in range(rounds):
    row = {"round": r + 1}
    def lko_part():
        row["bundle_s"] = run_lko(bundle_args)
        row["policy_s"] = run_lko(policy_args)
        row["bundle_start_s"] = startup(bundle_args)
        row["policy_start_s"] = startup(policy_args)
    def cedar_part():
        row["cedar_dps"], row["cedar_version"] = run_cedar()
    for part in ((lko_part, cedar_part) if r % 2 == 0 else (cedar_part, lko_part)):
        part()
    row["ratio"] = n / row["bundle_s"] / row["cedar_dps"]
    row["policy_ratio"] = n / row["policy_s"] / row["cedar_dps"]
    row["load"] = load()
    rows.append(row)
    print(f"round {r + 1}: lko bundle {row['bundle_s']:.4f}s (start+load {row['bundle_start_s']:.4f}s), "
          f"lko policy {row['policy_s']:.4f}s, cedar {row['cedar_dps']:,.0f}/s, ratio {row['ratio']:.1f}x, load {row['load']}",
          file=sys.stderr)
load_after = load()

others = None
if engines:
    path = f"{work}/peers.json"
    subprocess.run([sys.executable, "bench.py", "--engines", engines, "--json", path, *limit],
                   cwd=peers, env=env, check=True, stdout=subprocess.DEVNULL)
    others = json.load(open(path))["rows"]

def spread(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"
med = statistics.median
result = {"n": n, "rounds": rows, "load_before": load_before, "load_after": load_after, "cpus": os.cpu_count()}
json.dump(result, open(f"{work}/rounds.json", "w"), indent=1)

print(f"\n{n:,} requests, {os.cpu_count()} cpu; {rounds} alternating rounds; load average before {load_before}, after {load_after}\n")
print("| engine | what is timed | seconds: median (range) | decisions/s: median (range) |")
print("| --- | --- | ---: | ---: |")
f3 = lambda v: f"{v:.3f}"
fi = lambda v: f"{v:,.0f}"
print(f"| lko authorize --bundle | whole process: start, load the bundle, JSON Lines in and out | {spread([r['bundle_s'] for r in rows], f3)} | {spread([n / r['bundle_s'] for r in rows], fi)} |")
print(f"| lko authorize --policy | whole process: start, parse + compile, JSON Lines in and out | {spread([r['policy_s'] for r in rows], f3)} | {spread([n / r['policy_s'] for r in rows], fi)} |")
print(f"| cedar (batch) {rows[0]['cedar_version']} | decide loop only (load excluded) | {spread([n / r['cedar_dps'] for r in rows], f3)} | {spread([r['cedar_dps'] for r in rows], fi)} |")
print()
print(f"start + load alone (empty request file): bundle {spread([r['bundle_start_s'] * 1000 for r in rows], lambda v: f'{v:.1f}')} ms, "
      f"policy {spread([r['policy_start_s'] * 1000 for r in rows], lambda v: f'{v:.1f}')} ms")
ratios = [r["ratio"] for r in rows]
print(f"lko --bundle / cedar, per round: median {med(ratios):.1f}x, range {min(ratios):.1f}–{max(ratios):.1f}x "
      f"(rounds: {', '.join(f'{x:.1f}' for x in ratios)})")
pr = [r["policy_ratio"] for r in rows]
print(f"lko --policy / cedar, per round: median {med(pr):.1f}x, range {min(pr):.1f}–{max(pr):.1f}x")
print(f"goal lko ≥ 60x cedar (median of the rounds): {'MET' if med(ratios) >= 60 else 'MISSED'}"
      + ("" if min(ratios) >= 60 else f" (lowest round {min(ratios):.1f}x)"))
if others:
    print("\nThe other peers, one pass each (decide loop only, load excluded):\n")
    print("| engine | decisions/s | load (s) | agreement |")
    print("| --- | ---: | ---: | --- |")
    for r in others:
        if "error" in r:
            print(f"| {r['engine']} | FAILED | | {r['error']} |"); continue
        agree = "n/a" if r["agree"] is None else ("100%" if r["agree"] == r["n"] else f"{r['agree']}/{r['n']}")
        print(f"| {r['engine']} {r['version'] or ''} | {r['dps']:,.0f} | {r['load_s']:.3f} | {agree} |")
PYEOF
