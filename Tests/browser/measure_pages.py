"""Time to first byte and size of the console's main pages (docs/console.md, «Measured»).
Not a test: run against a server you started, e.g. on a sandbox with 10,000 imported cases:
    .venv-browser/bin/python Tests/browser/measure_pages.py http://127.0.0.1:PORT PASSWORD [RUNS]
Each page is fetched RUNS times (default 9) after one warm-up; prints median, min and max."""
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse

base, password = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 9
host = urllib.parse.urlparse(base).netloc


def session(login):
    connection = http.client.HTTPConnection(host)
    connection.request("POST", "/api/v1/session/login", json.dumps({"login": login, "password": password, "cookie": True}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    connection.close()
    return cookie


def fetch(path, cookie):
    connection = http.client.HTTPConnection(host)
    start = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    first = time.perf_counter() - start
    body = response.read()
    connection.close()
    assert response.status == 200, (path, response.status)
    return first * 1000, len(body)


pages = [
    ("roads_specialist", "/cases", "Мои сообщения и обращения (1-я страница из 50 строк)"),
    ("roads_specialist", "/cases/P-100000", "Страница сообщения"),
    ("head", "/incoming", "Поступившие"),
    ("deputy_housing", "/approval", "На утверждении"),
    ("ookr_curator", "/control", "Ежедневный контроль"),
    ("ookr_curator", "/control.csv", "CSV для Excel"),
    ("lukovnikovo_territorial", "/absence", "Моё отсутствие"),
    ("finance_sysadmin", "/admin/users", "Пользователи"),
    ("finance_sysadmin", "/admin/audit", "Журнал (50 записей)"),
    ("finance_sysadmin", "/admin/policy", "Политика"),
]
cookies = {}
# A case of the executor's own, from their list.
connection = http.client.HTTPConnection(host)
connection.request("GET", "/cases", headers={"Cookie": cookies.setdefault("roads_specialist", session("roads_specialist"))})
first_case = re.search(r'href="(/cases/[^"/]+)"', connection.getresponse().read().decode()).group(1)
pages[1] = ("roads_specialist", first_case, "Страница сообщения")
print("| page | path | TTFB median, ms | min–max, ms | size, KB |")
print("| --- | --- | ---: | ---: | ---: |")
for login, path, title in pages:
    cookie = cookies.setdefault(login, session(login))
    fetch(path, cookie)
    samples = [fetch(path, cookie) for _ in range(runs)]
    times = [sample[0] for sample in samples]
    print(f"| {title} | `{path}` | {statistics.median(times):.0f} | {min(times):.0f}–{max(times):.0f} | {samples[-1][1] / 1024:.1f} |")
