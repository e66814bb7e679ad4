"""The staff console in a real browser (headless Chromium), on the sandbox of scripts/sandbox:
the day of order № 78р through the pages, an absence handed over on its first day, escaping and
form protection, and one executor's cases closed to another. Run by scripts/browser-tests; the
tests run in this order (the last one moves the sandbox clock to the next day)."""
import re

from conftest import api_import, count
import server

XSS = '<script>alert("xss")</script><b>жирный</b> <img src=x onerror="alert(2)"> & «кавычки»'


def control_row(browser, name):
    """The numbers of one executor's row on «Ежедневный контроль»."""
    for row in browser.all("#control-table tbody tr"):
        if name in row.text:
            cells = row.find_elements("css selector", "td")
            return [int(cell.text) for cell in cells]
    raise AssertionError(f"no row for {name}: {browser.text('#control-table')}")


def test_a_day_of_the_order(browsers):
    # Two more road cases from the ПОС export: one past its deadline, one due today.
    report = api_import([
        {"pos_number": "ROAD-0101", "regime": "message", "category": "roads", "subcategory": "potholes", "channel": "widget",
         "received_at": "2026-02-10", "moderation_at": "2026-02-10", "description": "Провал асфальта у школы"},
        {"pos_number": "ROAD-0102", "regime": "message", "category": "roads", "subcategory": "potholes", "channel": "widget",
         "received_at": "2026-02-20", "moderation_at": "2026-02-20", "description": "Яма у остановки"},
    ])
    assert not report.get("bad"), report

    # The executor: home is «Мои сообщения и обращения», with the overdue case marked in words.
    executor = browsers()
    executor.login("roads_specialist")
    assert executor.path() == "/cases"
    assert executor.find("h1").text == "Мои сообщения и обращения"
    nav = executor.text("nav.nav")
    assert "Мои сообщения и обращения" in nav and "Моё отсутствие" in nav
    assert "На утверждении" not in nav and "Пользователи" not in nav and "Ежедневный контроль" not in nav
    assert "Петров Игорь Сергеевич" in executor.text("header")
    overdue_row = [row for row in executor.all("table.list tbody tr") if "ROAD-0101" in row.text][0]
    assert "Просрочено" in overdue_row.text and "row-overdue" in overdue_row.get_attribute("class")
    assert "06.03.2026" in executor.text()
    executor.shot("cases")

    # The case page: the citizen's text, the titles, the history in ПОС words.
    executor.click("a[href='/cases/DEMO-0001']")
    assert executor.path() == "/cases/DEMO-0001"
    page = executor.text()
    for expected in ["Глубокая яма на проезжей части", "Автомобильные дороги", "Назначен исполнитель", "06.03.2026", "Иванов И. И."]:
        assert expected in page, expected
    assert not executor.all("#form-approve") and not executor.all("#form-return")

    # No answer yet: nothing to send for approval. An empty draft is refused next to the field.
    assert not executor.all("#form-submit")
    executor.click("#form-draft button")
    assert "Введите текст ответа" in executor.text("#form-draft .field-error")
    assert executor.find("#text").get_attribute("aria-invalid") == "true"
    # Draft, then submit (POST-redirect-GET with a message each time).
    executor.fill("#text", "Уважаемый Иван Иванович! Ремонт ямы на ул. Ленина, 12 выполнен 03.03.2026.")
    executor.click("#form-draft button")
    assert executor.path() == "/cases/DEMO-0001", executor.text()
    assert "Черновик ответа по DEMO-0001 сохранён" in executor.flash()
    executor.shot("case")
    executor.click("#form-submit button")
    assert "направлен на утверждение" in executor.flash()
    assert "На утверждении" in executor.text(".status-line")
    # The executor cannot approve their own answer: not offered…
    assert not executor.all("#form-approve") and not executor.all("#form-draft")
    # …and a forged POST (with a valid form token and CSRF code) is refused.
    csrf = executor.hidden("_csrf", "form[action='/logout']")
    status, _, body = executor.http("POST", "/cases/DEMO-0001/approve", {"_csrf": csrf, "_once": "f" * 32, "comment": ""})
    assert status == 403, (status, body[:500])
    assert "Недостаточно прав" in body or "Разделение обязанностей" in body
    executor.open("/cases/DEMO-0001")
    assert "На утверждении" in executor.text(".status-line")

    # The approver: home is «На утверждении»; approves.
    approver = browsers()
    approver.login("deputy_housing")
    assert approver.path() == "/approval"
    assert "DEMO-0001" in approver.text("table.list")
    assert "Петров Игорь Сергеевич" in approver.text("table.list")
    approver.shot("approval")
    approver.click("a[href='/cases/DEMO-0001']")
    assert "Ремонт ямы на ул. Ленина" in approver.text("#answer-text")
    approver.click("#form-return button")
    assert "комментарий обязателен" in approver.text("#form-return")
    approver.click("#form-approve button")
    assert "утверждён и направлен заявителю" in approver.flash()
    assert "Отправлен ответ заявителю" in approver.text(".status-line")
    history = approver.text("ol.history")
    assert "Ответ утверждён и направлен заявителю — Орлов Сергей Петрович" in history
    assert "Направлено на утверждение — Петров Игорь Сергеевич" in history
    approver.open("/approval")
    assert "Нет ответов, ожидающих вашего утверждения" in approver.text()

    # The coordinator: home is «Поступившие»; the route the policy would choose; assigns.
    coordinator = browsers()
    coordinator.login("head")
    assert coordinator.path() == "/incoming"
    assert "DEMO-0002" in coordinator.text("table.list")
    coordinator.shot("incoming")
    coordinator.click("a[href='/cases/DEMO-0002']")
    assert "решает Координатор" in coordinator.text(".route") or "svo" in coordinator.text(".route")
    coordinator.click("#form-assign button")
    assert "Выберите исполнителя" in coordinator.text("#form-assign .field-error")
    coordinator.choose("#assign-to", "Морозова Елена Ивановна")
    coordinator.click("#form-assign button")
    assert "назначен исполнитель — Морозова Елена Ивановна" in coordinator.flash()
    assert "Назначен исполнитель — Кузнецов Андрей Николаевич" in coordinator.text("ol.history")
    coordinator.shot("case-coordinator", phone=False)

    # The curator: home is «Ежедневный контроль»; Петров has the two new road cases left.
    curator = browsers()
    curator.login("ookr_curator")
    assert curator.path() == "/control"
    assert control_row(curator, "Петров Игорь Сергеевич") == [2, 1, 1, 1]  # open, due today, at risk, overdue
    assert "Волков Дмитрий Олегович" in curator.text("#control-table")
    assert "ROAD-0101" in curator.text() and "просрочено на" in curator.text()
    curator.shot("control")
    status, headers, body = curator.http("GET", "/control.csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeffНомер;Статус;") and "ROAD-0101;" in body and "Петров Игорь Сергеевич" in body
    curator.click("a[href='/cases/ROAD-0101/responsibility']")
    assert "Ответственность: ROAD-0101" in curator.find("h1").text
    assert "Петров Игорь Сергеевич" in curator.text("table.list")
    curator.shot("responsibility", phone=False)
    for browser in (executor, approver, curator):
        assert browser.console_errors() == [], browser.console_errors()


def test_c_citizen_text_is_text_and_forms_need_their_tokens(browsers):
    api_import([{"pos_number": "XSS-0001", "regime": "message", "category": "roads", "subcategory": "potholes", "channel": "widget",
                 "received_at": "2026-03-01", "moderation_at": "2026-03-01", "description": XSS, "address": "<i>ул. Мира</i>"}])
    executor = browsers()
    executor.login("roads_specialist")
    executor.open("/cases/XSS-0001")
    assert executor.text("#citizen-text") == XSS
    assert executor.all("#citizen-text *") == []          # no element made from the citizen's HTML
    assert "<i>ул. Мира</i>" in executor.text(".card")
    assert executor.driver.execute_script("return document.querySelectorAll('script:not([src])').length") == 0
    assert executor.console_errors() == []

    # A form whose CSRF code was removed is refused with a page in Russian.
    executor.driver.execute_script("document.querySelector('#form-draft input[name=_csrf]').remove()")
    executor.fill("#text", "Ответ без кода формы")
    executor.click("#form-draft button")
    assert "Действие отклонено" in executor.find("h1").text
    assert "Форма устарела" in executor.text()
    executor.shot("refused", phone=False)
    executor.open("/cases/XSS-0001")
    assert "Ответ без кода формы" not in executor.text()

    # The same form posted twice is performed once.
    csrf = executor.hidden("_csrf", "#form-draft")
    once = executor.hidden("_once", "#form-draft")
    fields = {"_csrf": csrf, "_once": once, "text": "Черновик, отправленный дважды"}
    first = executor.http("POST", "/cases/XSS-0001/draft", fields)
    second = executor.http("POST", "/cases/XSS-0001/draft", fields)
    assert first[0] == 303 and second[0] == 303
    assert "lko_flash=warn" in second[1].get("Set-Cookie", "")
    executor.open("/cases/XSS-0001")
    assert count("Подготовлен черновик ответа", executor.text("ol.history")) == 1

    # No session: the login page, and back to the page afterwards.
    stranger = browsers()
    stranger.open("/control")
    assert stranger.path() == "/login?next=/control"
    stranger.shot("login")
    stranger.fill("#login", "ookr_curator")
    stranger.fill("#password", "неверный пароль")
    stranger.click("form[action='/login'] button")
    assert "Неверное имя пользователя или пароль" in stranger.text()
    stranger.fill("#password", server_password())
    stranger.click("form[action='/login'] button")
    assert stranger.path() == "/control"
    # Only local paths are followed after a login.
    other = browsers()
    other.open("/login?next=//evil.example/x")
    other.fill("#login", "ookr_curator")
    other.fill("#password", server_password())
    other.click("form[action='/login'] button")
    assert other.path() == "/control" and other.base in other.driver.current_url


def server_password():
    from conftest import PASSWORD
    return PASSWORD


def test_d_another_executors_case_is_not_found(browsers):
    other = browsers()
    other.login("health_liaison")
    assert other.path() == "/cases"
    assert "DEMO-0003" in other.text("table.list") and "DEMO-0001" not in other.text("table.list")
    other.open("/cases/DEMO-0004")
    assert "Не найдено" in other.find("h1").text
    page = other.driver.page_source
    assert "Не убран снег" not in page and "Луковниково" not in page and "Волков" not in page
    other.shot("not-found", phone=False)
    status, _, body = other.http("POST", "/cases/DEMO-0004/draft", {"_csrf": other.hidden("_csrf", "form[action='/logout']"), "_once": "e" * 32, "text": "x"})
    assert status == 404 and "Не убран снег" not in body


def test_e_admin_pages(browsers):
    admin = browsers()
    admin.login("finance_sysadmin")
    assert admin.path() == "/admin/users"
    assert "Зайцева Ольга Андреевна" in admin.text("table.users")
    admin.shot("users")
    # Add a user with a short password: the error is next to the field.
    admin.fill("#new-login", "transport_specialist")
    admin.fill("#new-name", "Новиков Артём Ильич")
    admin.fill("#new-position", "Специалист по транспорту")
    admin.fill("#new-password", "короткий")
    admin.click("#add-user button[type=submit]")
    assert admin.all("#add-user .field-error"), admin.text()
    assert admin.find("#new-name").get_attribute("value") == "Новиков Артём Ильич"
    admin.fill("#new-password", "длинный пароль из нескольких слов")
    admin.click("#add-user button[type=submit]")
    assert "создана" in admin.flash()
    # Disable, then enable.
    admin.click("#user-transport_specialist form[action$='/disable'] button")
    assert "отключена" in admin.flash()
    admin.click("#user-transport_specialist form[action$='/enable'] button")
    assert "включена" in admin.flash()

    # The new person changes the initial password: the current one is required.
    person = browsers()
    person.login("transport_specialist", password="длинный пароль из нескольких слов")
    person.open("/password")
    person.fill("#current_password", "не тот пароль")
    person.fill("#new_password", "свой собственный длинный пароль")
    person.fill("#new_password_again", "свой собственный длинный пароль")
    person.click("form[action='/password'] button")
    assert "Текущий пароль указан неверно" in person.text("#current-error")
    person.fill("#current_password", "длинный пароль из нескольких слов")
    person.fill("#new_password", "свой собственный длинный пароль")
    person.fill("#new_password_again", "свой собственный длинный пароль")
    person.click("form[action='/password'] button")
    assert "Пароль изменён" in person.flash()
    person.open("/password")
    assert person.path() == "/password"   # still logged in, with the new session

    admin.open("/admin/policy")
    assert "grants.lko ===" in admin.find("#files").get_attribute("value")
    admin.shot("policy", phone=False)
    # A candidate that gives the roads executor approval: the report shows a risk; applying needs the checkbox.
    text = admin.find("#files").get_attribute("value").replace(
        "grant executor to roads_specialist on roads", "grant executor to roads_specialist on roads\ngrant manager to roads_specialist on roads")
    admin.driver.execute_script("arguments[0].value = arguments[1]", admin.find("#files"), text)
    admin.click("#review-form button")
    assert "Отчёт об изменениях" in admin.text()
    assert "roads_specialist" in admin.text("#review")
    if admin.all("#confirm_risks"):
        admin.driver.execute_script("document.querySelector('#confirm_risks').removeAttribute('required')")
        admin.click("#apply-form button")
        assert admin.all(".field-error") or "подтвердите" in admin.text()
    admin.shot("policy-review", phone=False)

    admin.open("/admin/audit")
    assert "Журнал действий" in admin.find("h1").text and admin.all("table.audit tbody tr")
    admin.click("a[href='/admin/audit/verify']")
    assert "Цепочка журнала цела" in admin.text("#verification")
    admin.shot("audit", phone=False)
    admin.open("/admin/absences")
    assert "Отсутствия сотрудников" in admin.find("h1").text
    assert admin.console_errors() == []


def test_b_absence_handed_over_on_its_first_day(browsers):
    absent = browsers()
    absent.login("lukovnikovo_territorial")
    absent.open("/absence")
    absent.fill("#from", "03.03.2026")
    absent.fill("#until", "13.03.2026")
    absent.choose("#reason", "отпуск")
    absent.choose("#substitute", "Зайцева Ольга Андреевна")
    absent.click("#absence-form button")
    plan = absent.text("#plan")
    assert "DEMO-0004" in plan and "Зайцева Ольга Андреевна" in plan and "Срок в период отсутствия" in plan
    absent.shot("absence")
    absent.click("#plan form button")
    assert "Отсутствие записано" in absent.flash()
    assert "с 03.03.2026 по 13.03.2026" in absent.text()

    # A missing date is refused next to the field (the browser's own check bypassed).
    absent.driver.execute_script("document.querySelector('#from').removeAttribute('required')")
    absent.set_value("#from", "")
    absent.choose("#substitute", "Зайцева Ольга Андреевна")
    absent.click("#absence-form button")
    assert "Укажите дату" in absent.text("#absence-form .field-error")

    # The next morning: the server runs on 03.03.2026; yesterday's sessions have ended.
    server.start("2026-03-03T09:00")
    absent.open("/cases/DEMO-0004")
    assert absent.path() == "/login?next=/cases/DEMO-0004"

    substitute = browsers()
    substitute.login("improvement_specialist")
    assert substitute.path() == "/cases"
    row = [row for row in substitute.all("table.list tbody tr") if "DEMO-0004" in row.text][0]
    assert "замещаете: Волков Дмитрий Олегович" in row.text
    substitute.click("a[href='/cases/DEMO-0004']")
    assert "Передано замещающему сотруднику" in substitute.text("ol.history")
    substitute.shot("substitute")
