"""Starts and stops `lko serve` for the browser tests (the server's pid and address live in
$LKO_BROWSER_WORK, so scripts/browser-tests can always stop whichever server runs last)."""
import os
import signal
import subprocess
import sys
import time

WORK = os.environ["LKO_BROWSER_WORK"]
PID = os.path.join(WORK, "server.pid")
ADDRESS = os.path.join(WORK, "server.address")


def stop():
    try:
        with open(PID) as f:
            pid = int(f.read().strip())
    except (OSError, ValueError):
        return
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.remove(PID)


def start(now):
    """Starts the server with the sandbox clock at `now`; returns its base URL."""
    stop()
    if os.path.exists(ADDRESS):
        os.remove(ADDRESS)
    env = dict(os.environ, LKO_NOW=now, XDG_CONFIG_HOME=os.path.join(WORK, "config"))
    log = open(os.path.join(WORK, "server.log"), "ab")
    process = subprocess.Popen(
        [os.environ["LKO_BROWSER_BINARY"], "serve", "--db", os.environ["LKO_BROWSER_DB"],
         "--listen", "127.0.0.1:0", "--address-file", ADDRESS],
        env=env, stdout=log, stderr=log, start_new_session=True)
    with open(PID, "w") as f:
        f.write(str(process.pid))
    for _ in range(200):
        if os.path.exists(ADDRESS) and open(ADDRESS).read().strip():
            return "http://" + open(ADDRESS).read().strip()
        if process.poll() is not None:
            raise RuntimeError("lko serve exited: see " + os.path.join(WORK, "server.log"))
        time.sleep(0.05)
    raise RuntimeError("lko serve did not start in 10 s")


def base_url():
    return "http://" + open(ADDRESS).read().strip()


if __name__ == "__main__":
    if sys.argv[1] == "start":
        print(start(sys.argv[2]))
    else:
        stop()
