#!/usr/bin/env python3
"""The service benchmark (docs/benchmarks.md, «lko serve»): 200 concurrent sessions over
loopback against a release build on a sandbox database with N cases.

  Benchmarks/service/run.py [--cases 10000] [--rounds 5] [--seconds 10] [--connections 200]

Per round: wrk on an executor's case list (GET /api/v1/cases?view=mine), then wrk on case
transitions (POST …/actions/draft: each one a gated, audited write). Reports the median and
range of requests/s and p99 latency over the rounds, and the server's peak memory (VmHWM).
Everything listens on 127.0.0.1 and every run is bounded in time; the server is stopped at the end.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PASSWORD = "benchmark passphrase for the sandbox"
NOW = "2026-03-02T09:00"


def api(base, method, path, token=None, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def wrk(base, script, env, seconds, connections):
    output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency", "-s", script, base],
                            capture_output=True, text=True, env={**os.environ, **env}, timeout=seconds + 60).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, float(p99.group(1)) * scale, int(non2xx.group(1)) if non2xx else 0


def summary(values, unit):
    return f"median {statistics.median(values):.1f} {unit} (range {min(values):.1f}–{max(values):.1f}, {len(values)} runs)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--lko", default=os.path.join(ROOT, ".build/release/lko"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="lko-bench-")
    db = os.path.join(work, "bench.sqlite")
    subprocess.run([os.path.join(ROOT, "scripts/sandbox"), db, PASSWORD, args.lko], check=True, stdout=subprocess.DEVNULL)
    address_file = os.path.join(work, "address")
    server = subprocess.Popen([args.lko, "serve", "--db", db, "--listen", "127.0.0.1:0", "--address-file", address_file],
                              env={**os.environ, "LKO_NOW": NOW, "LOG_LEVEL": "error"}, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if os.path.exists(address_file) and open(address_file).read().strip():
                break
            time.sleep(0.05)
        base = "http://" + open(address_file).read().strip()
        admin = api(base, "POST", "/api/v1/session/login", body={"login": "finance_sysadmin", "password": PASSWORD})["token"]
        cases = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gen_cases.py"), str(args.cases)], capture_output=True, check=True).stdout
        started = time.time()
        report = api(base, "POST", "/api/v1/cases/import", admin, cases, "application/x-ndjson")
        print(f"imported {report['inserted']} cases in {time.time() - started:.1f} s", file=sys.stderr)
        tokens = [api(base, "POST", "/api/v1/session/login", body={"login": "roads_specialist", "password": PASSWORD})["token"] for _ in range(args.connections)]
        first = api(base, "GET", "/api/v1/cases?view=mine&per_page=200", tokens[0])
        numbers = [item["pos_number"] for item in first["items"]]
        page = 2
        while len(numbers) < first["total"]:
            more = api(base, "GET", f"/api/v1/cases?view=mine&per_page=200&page={page}", tokens[0])["items"]
            if not more:
                break
            numbers += [item["pos_number"] for item in more]
            page += 1
        print(f"roads_specialist holds {first['total']} cases; {len(tokens)} sessions", file=sys.stderr)
        with open(os.path.join(work, "tokens"), "w") as f:
            f.write("\n".join(tokens) + "\n")
        with open(os.path.join(work, "numbers"), "w") as f:
            f.write("\n".join(numbers) + "\n")
        env = {"LKO_TOKENS": os.path.join(work, "tokens"), "LKO_NUMBERS": os.path.join(work, "numbers")}
        here = os.path.dirname(os.path.abspath(__file__))
        lists, list_p99, drafts, draft_p99 = [], [], [], []
        for round_number in range(args.rounds):
            rate, p99, bad = wrk(base, os.path.join(here, "list.lua"), env, args.seconds, args.connections)
            lists.append(rate); list_p99.append(p99)
            rate2, p992, bad2 = wrk(base, os.path.join(here, "draft.lua"), env, args.seconds, args.connections)
            drafts.append(rate2); draft_p99.append(p992)
            print(f"round {round_number + 1}: list {rate:.0f}/s p99 {p99:.1f} ms ({bad} non-2xx); transitions {rate2:.0f}/s p99 {p992:.1f} ms ({bad2} non-2xx)", file=sys.stderr)
        status = open(f"/proc/{server.pid}/status").read()
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
        verified = api(base, "GET", "/api/v1/audit/verify", admin)
        print(f"executor case list: {summary(lists, 'req/s')}; p99 {summary(list_p99, 'ms')}")
        print(f"case transitions:   {summary(drafts, 'req/s')}; p99 {summary(draft_p99, 'ms')}")
        print(f"server peak memory: {peak:.0f} MB; audit chain intact: {verified['intact']} ({verified['entries']} entries)")
        print(f"load: {open('/proc/loadavg').read().strip()}; cores: {os.cpu_count()}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
