#!/usr/bin/env python3
"""The regional benchmark (docs/benchmarks.md, «A region on PostgreSQL»): two `lko serve`
processes on one PostgreSQL organization against one `lko serve` on a SQLite file, in one run,
rounds alternating between the two set-ups.

  Benchmarks/service/regional.py [--cases 10000] [--rounds 5] [--seconds 10] [--connections 200]

Both set-ups get the same sandbox (scripts/sandbox) and the same generated cases. Per round and
set-up: wrk on an executor's case list with 200 sessions (on two servers: two wrk at once, 100
connections each, rates added), then wrk on case transitions (POST …/actions/draft, each a
gated, audited write). Reports medians and ranges. PostgreSQL comes from scripts/postgres (on
127.0.0.1); every server listens on 127.0.0.1; every run is bounded in time.
"""
import argparse, os, statistics, subprocess, sys, tempfile, threading, time, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import PASSWORD, NOW, ROOT, api, wrk, summary  # noqa: E402


def start_server(lko, db, work, name):
    address_file = os.path.join(work, f"address-{name}")
    server = subprocess.Popen([lko, "serve", "--db", db, "--listen", "127.0.0.1:0", "--address-file", address_file,
                               "--checkpoint-dir", os.path.join(work, f"checkpoints-{name}")],
                              env={**os.environ, "LKO_NOW": NOW, "LOG_LEVEL": "error"}, stderr=subprocess.DEVNULL)
    for _ in range(400):
        if os.path.exists(address_file) and open(address_file).read().strip():
            break
        time.sleep(0.05)
    return server, "http://" + open(address_file).read().strip()


def prepare(base, cases, connections, work, name):
    """Imports the cases, signs in `connections` executor sessions; writes the token and number files."""
    admin = api(base, "POST", "/api/v1/session/login", body={"login": "finance_sysadmin", "password": PASSWORD})["token"]
    started = time.time()
    report = api(base, "POST", "/api/v1/cases/import", admin, cases, "application/x-ndjson")
    print(f"{name}: imported {report['inserted']} cases in {time.time() - started:.1f} s", file=sys.stderr)
    tokens = [api(base, "POST", "/api/v1/session/login", body={"login": "roads_specialist", "password": PASSWORD})["token"] for _ in range(connections)]
    numbers, page = [], 1
    while True:
        items = api(base, "GET", f"/api/v1/cases?view=mine&per_page=200&page={page}", tokens[0])["items"]
        if not items:
            break
        numbers += [item["pos_number"] for item in items]
        page += 1
    env = {"LKO_TOKENS": os.path.join(work, f"tokens-{name}"), "LKO_NUMBERS": os.path.join(work, f"numbers-{name}")}
    with open(env["LKO_TOKENS"], "w") as f:
        f.write("\n".join(tokens) + "\n")
    with open(env["LKO_NUMBERS"], "w") as f:
        f.write("\n".join(numbers) + "\n")
    return admin, env


def together(bases, script, env, seconds, connections):
    """wrk against each base at once, connections split; returns the summed rate and worst p99."""
    results = [None] * len(bases)

    def one(index):
        results[index] = wrk(bases[index], script, env, seconds, connections // len(bases))
    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(bases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(r[0] for r in results), max(r[1] for r in results), sum(r[2] for r in results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--lko", default=os.path.join(ROOT, ".build-release/release/lko"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="lko-regional-")
    os.environ["LKO_AUDIT_KEY_DIR"] = os.path.join(work, "keys")
    postgres = subprocess.run([os.path.join(ROOT, "scripts/postgres"), "start"], capture_output=True, text=True, check=True).stdout.strip()
    sqlite_db = os.path.join(work, "bench.sqlite")
    pg_db = f"{postgres}?organization=bench_{uuid.uuid4().hex[:12]}"
    for db in (sqlite_db, pg_db):
        subprocess.run([os.path.join(ROOT, "scripts/sandbox"), db, PASSWORD, args.lko], check=True, stdout=subprocess.DEVNULL)
    cases = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gen_cases.py"), str(args.cases)], capture_output=True, check=True).stdout
    servers = []
    try:
        sqlite_server, sqlite_base = start_server(args.lko, sqlite_db, work, "sqlite")
        servers.append(sqlite_server)
        pg_a, pg_base_a = start_server(args.lko, pg_db, work, "pg-a")
        pg_b, pg_base_b = start_server(args.lko, pg_db, work, "pg-b")
        servers += [pg_a, pg_b]
        sqlite_admin, sqlite_env = prepare(sqlite_base, cases, args.connections, work, "sqlite")
        pg_admin, pg_env = prepare(pg_base_a, cases, args.connections, work, "postgres")
        here = os.path.dirname(os.path.abspath(__file__))
        setups = {"one server on SQLite": ([sqlite_base], sqlite_env), "two servers on PostgreSQL": ([pg_base_a, pg_base_b], pg_env)}
        figures = {name: {"list": [], "list_p99": [], "draft": [], "draft_p99": []} for name in setups}
        for round_number in range(args.rounds):
            # Alternate which set-up goes first, so neither always meets a warmer machine.
            order = list(setups) if round_number % 2 == 0 else list(reversed(setups))
            for name in order:
                bases, env = setups[name]
                rate, p99, bad = together(bases, os.path.join(here, "list.lua"), env, args.seconds, args.connections)
                figures[name]["list"].append(rate); figures[name]["list_p99"].append(p99)
                rate2, p992, bad2 = together(bases, os.path.join(here, "draft.lua"), env, args.seconds, args.connections)
                figures[name]["draft"].append(rate2); figures[name]["draft_p99"].append(p992)
                print(f"round {round_number + 1} {name}: list {rate:.0f}/s p99 {p99:.1f} ms ({bad} non-2xx); "
                      f"transitions {rate2:.0f}/s p99 {p992:.1f} ms ({bad2} non-2xx)", file=sys.stderr)
        for name in setups:
            f = figures[name]
            print(f"{name}:")
            print(f"  executor case list, {args.connections} sessions: {summary(f['list'], 'req/s')}; p99 {summary(f['list_p99'], 'ms')}")
            print(f"  case transitions:   {summary(f['draft'], 'req/s')}; p99 {summary(f['draft_p99'], 'ms')}")
        ratios = [p / s for p, s in zip(figures["two servers on PostgreSQL"]["draft"], figures["one server on SQLite"]["draft"])]
        print(f"transitions, two servers on PostgreSQL ÷ one on SQLite, round by round: median {statistics.median(ratios):.2f}× "
              f"(range {min(ratios):.2f}–{max(ratios):.2f}, {len(ratios)} rounds)")
        for admin, base in ((sqlite_admin, sqlite_base), (pg_admin, pg_base_a)):
            verified = api(base, "GET", "/api/v1/audit/verify", admin)
            print(f"audit chain intact on {base}: {verified['intact']} ({verified['entries']} entries)")
        print(f"load: {open('/proc/loadavg').read().strip()}; cores: {os.cpu_count()}")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
