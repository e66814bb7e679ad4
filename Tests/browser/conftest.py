"""Helpers for the console's browser tests: a headless Chromium per person, logging in through
the login page, screenshots at 1366×768 and at phone width, and plain HTTP for forged requests."""
import http.cookiejar
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import server

PASSWORD = os.environ["LKO_BROWSER_PASSWORD"]
SCREENS = os.environ.get("LKO_BROWSER_SCREENS", ".build-screens")


class Browser:
    """One person's browser."""

    def __init__(self):
        options = Options()
        options.add_argument("--headless=new")
        options.add_argument("--no-sandbox")
        options.add_argument("--disable-dev-shm-usage")
        options.add_argument("--lang=ru-RU")
        options.add_argument("--window-size=1366,768")
        options.add_argument("--hide-scrollbars")
        options.add_experimental_option("prefs", {"intl.accept_languages": "ru-RU,ru"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver", env=dict(os.environ, LANG="ru_RU.UTF-8", LANGUAGE="ru")), options=options)
        self.driver.set_window_size(1366, 768)
        self.driver.implicitly_wait(0)

    @property
    def base(self):
        return server.base_url()

    def open(self, path):
        self.driver.get(self.base + path)
        return self

    def path(self):
        parsed = urllib.parse.urlparse(self.driver.current_url)
        return parsed.path + ("?" + parsed.query if parsed.query else "")

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css="main"):
        return self.find(css).text

    def click(self, css):
        """Clicks a link or a button that loads a new page, and waits for that page."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.find(css).click()
        def gone(_):
            try:
                old.tag_name
                return False
            except Exception:  # stale, or no longer in the document
                return True
        WebDriverWait(self.driver, 15).until(gone)
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        return self

    def fill(self, css, value):
        field = self.find(css)
        field.clear()
        field.send_keys(value)

    def set_value(self, css, value):
        """For date fields (their typed format depends on the browser's locale)."""
        self.driver.execute_script("arguments[0].value = arguments[1]", self.find(css), value)

    def choose(self, css, visible_text_part):
        select = self.find(css)
        for option in select.find_elements(By.TAG_NAME, "option"):
            if visible_text_part in option.text:
                option.click()
                return
        raise AssertionError(f"no option containing {visible_text_part!r} in {css}")

    def login(self, login, next_path=None, password=None):
        self.open("/login" + ("?next=" + urllib.parse.quote(next_path) if next_path else ""))
        self.fill("#login", login)
        self.fill("#password", password or PASSWORD)
        self.click("form[action='/login'] button[type=submit]")
        assert "/login" not in self.path(), self.text()
        return self

    def logout(self):
        self.click("form[action='/logout'] button")

    def flash(self):
        found = self.all(".flash")
        return found[0].text if found else ""

    def shot(self, name, phone=True):
        """Screenshots of the current page at 1366×768 and at 390 px (phone)."""
        os.makedirs(SCREENS, exist_ok=True)
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.set_window_size(1366, 768)
        self.driver.save_screenshot(os.path.join(SCREENS, f"{name}-desktop.png"))
        if phone:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
            self.driver.save_screenshot(os.path.join(SCREENS, f"{name}-phone.png"))
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def full_shot(self, name):
        """The whole page at 1366 px wide (for looking, not for the docs)."""
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 1366, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": False})
        self.driver.save_screenshot(os.path.join(SCREENS, f"{name}-full.png"))
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 390, "height": min(self.driver.execute_script("return document.documentElement.scrollHeight"), 4000), "deviceScaleFactor": 1, "mobile": True})
        self.driver.save_screenshot(os.path.join(SCREENS, f"{name}-phone-full.png"))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def console_errors(self):
        """CSP violations and script errors the page reported (a 4xx answer to a refused form is expected)."""
        try:
            return [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE" and entry.get("source") != "network"]
        except Exception:
            return []

    # Plain HTTP with this browser's cookies: for requests a page would never send.
    def http(self, method, path, fields=None, follow=False):
        jar = http.cookiejar.CookieJar()
        cookie_header = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        data = urllib.parse.urlencode(fields or {}).encode() if fields is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Cookie": cookie_header, "Content-Type": "application/x-www-form-urlencoded"})

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        handlers = [urllib.request.HTTPCookieProcessor(jar)] + ([] if follow else [NoRedirect()])
        opener = urllib.request.build_opener(*handlers)
        try:
            response = opener.open(request)
            return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def hidden(self, name, form_css="form"):
        return self.find(f"{form_css} input[name='{name}']").get_attribute("value")

    def close(self):
        self.driver.quit()


@pytest.fixture
def browsers():
    """Opens browsers on demand (`browsers()`), closes them all after the test."""
    opened = []

    def make():
        browser = Browser()
        opened.append(browser)
        return browser

    yield make
    for browser in opened:
        browser.close()


def api_import(lines):
    """Imports cases as the administrator through the API (a bearer token, as a script would)."""
    base = server.base_url()
    login = urllib.request.Request(base + "/api/v1/session/login", method="POST",
                                   data=json.dumps({"login": "finance_sysadmin", "password": PASSWORD}).encode(),
                                   headers={"Content-Type": "application/json"})
    token = json.loads(urllib.request.urlopen(login).read())["token"]
    body = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    request = urllib.request.Request(base + "/api/v1/cases/import", method="POST", data=body,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/x-ndjson"})
    try:
        return json.loads(urllib.request.urlopen(request).read())
    except urllib.error.HTTPError as error:
        raise AssertionError(error.read().decode())


def count(pattern, text):
    return len(re.findall(pattern, text))
