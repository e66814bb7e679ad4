import Foundation
import Hummingbird
import LKOApplication

/// «Моё отсутствие» (order items 9, 16): the executor fills in the dates, the reason and the
/// substitute; «Проверить» shows the plan (which cases move to whom, which fall due while away,
/// every error), «Подтвердить» records it with exactly the same checks.
extension ConsoleRoutes {
    static let reasons: [(String, String)] = [
        ("vacation", "отпуск"), ("sick", "больничный"), ("business_trip", "командировка"), ("study", "учёба"), ("other", "иное"),
    ]

    func addAbsencePages(_ routes: Routes) {
        handle(routes, .get, "/absence") { request, context in
            let session = try await session(request, context)
            return try await absencePage(request, session: session, form: nil, plan: nil, error: nil)
        }

        handle(routes, .post, "/absence/plan") { request, context in
            let session = try await session(request, context, returnTo: "/absence")
            let form = try await form(request, context)
            let input = Self.absenceInput(form, login: session.caller.login)
            let caller = session.caller
            do {
                let plan = try await Blocking.run { [service] in try service.planAbsence(caller, input) }
                return try await absencePage(request, session: session, form: form, plan: plan, error: nil)
            } catch let error as AppError where error.kind != .unauthenticated {
                return try await absencePage(request, session: session, form: form, plan: nil, error: error)
            }
        }

        handle(routes, .post, "/absence") { request, context in
            let session = try await session(request, context, returnTo: "/absence")
            let form = try await form(request, context)
            let input = Self.absenceInput(form, login: session.caller.login)
            let caller = session.caller
            do {
                try once(form, session)
                let result = try await Blocking.run { [service] in try service.addAbsence(caller, input) }
                let moved = result.moves.count
                let message = "Отсутствие записано: \(result.period), замещает \(result.substituteName)."
                    + (moved > 0 ? " Передаётся на исполнение: \(moved) \(RussianText.plural(moved, "сообщение", "сообщения", "сообщений")) или обращений." : "")
                return Redirect.to("/absence", cookies: [Flash.setting(message)])
            } catch let error as AppError where error.kind != .unauthenticated {
                if error.code == "form_repeated" { return Redirect.to("/absence", cookies: [Flash.setting(error.message, kind: "warn")]) }
                return try await absencePage(request, session: session, form: form, plan: nil, error: error)
            }
        }
    }

    static func absenceInput(_ form: ConsoleForm, login: String) -> AbsenceInput {
        AbsenceInput(login: login, from: form.text("from") ?? "", until: form.text("until"), reason: form.text("reason") ?? "",
                     substitute: form.text("substitute") ?? "", returnOpenCases: form.flag("return_open_cases"))
    }

    func absencePage(_ request: Request, session: PageSession, form: ConsoleForm?, plan: AbsencePlanView?, error: AppError?) async throws -> Response {
        let caller = session.caller
        let (choices, absences) = try await Blocking.run { [service] in
            (try service.executorChoices(caller), try service.absences(caller, login: caller.login))
        }
        let names = Dictionary(choices.map { ($0.login, $0.name) }, uniquingKeysWith: { first, _ in first })
        let chosen = form?["substitute"] ?? ""
        let reason = form?["reason"] ?? "vacation"
        var values: [String: Any] = [
            "from": form?["from"] ?? "",
            "until": form?["until"] ?? "",
            "returnOpenCases": form?.flag("return_open_cases") ?? false,
            "reasons": Self.reasons.map { ["value": $0.0, "title": $0.1, "selected": $0.0 == reason] },
            "substitutes": choices.filter { $0.login != caller.login }.map { person -> [String: Any] in
                ["login": person.login, "label": person.name + (person.position.isEmpty ? "" : ", " + person.position), "selected": person.login == chosen]
            },
            "mine": absences.filter { $0.login == caller.login }.map(Self.absenceRow),
            "hasMine": absences.contains { $0.login == caller.login },
            "substituting": absences.filter { $0.substitute == caller.login && $0.login != caller.login }.map(Self.absenceRow),
            "hasSubstituting": absences.contains { $0.substitute == caller.login && $0.login != caller.login },
        ]
        if let error {
            var errors = Self.errors(error)
            errors["details"] = error.details.map { AbsenceText.russian($0, names: names) }
            if error.message.hasPrefix("Отсутствие не записано:") {
                let lines = error.message.split(separator: "\n").dropFirst().map { AbsenceText.russian(String($0).trimmingCharacters(in: CharacterSet(charactersIn: " -")), names: names) }
                errors["message"] = "Отсутствие не записано:"
                errors["details"] = lines
            }
            errors["hasDetails"] = !((errors["details"] as? [String]) ?? []).isEmpty
            values["errors"] = errors
        }
        if let plan {
            values["plan"] = [
                "period": plan.period,
                "name": plan.name,
                "substitute": plan.substituteName,
                "acceptable": plan.acceptable,
                "moves": plan.moves.map { move -> [String: Any] in
                    ["number": move.posNumber, "href": "/cases/" + ConsolePaths.encode(move.posNumber), "state": move.stateTitle,
                     "deadline": move.deadlineText.isEmpty ? "—" : move.deadlineText, "to": move.toName, "due": move.dueDuringAbsence]
                },
                "hasMoves": !plan.moves.isEmpty,
                "dueCount": plan.moves.filter(\.dueDuringAbsence).count,
                "errors": plan.plan.errors.map { AbsenceText.russian($0, names: names) },
                "hasErrors": !plan.plan.errors.isEmpty,
                "warnings": plan.plan.warnings.map { AbsenceText.russian($0, names: names) },
                "load": "Сейчас у замещающего \(plan.plan.substituteLoadNow) открытых, после передачи будет \(plan.plan.substituteLoadAfter).",
            ]
        }
        let status = error.map(Self.status) ?? .ok
        return render("absence", page("Моё отсутствие", session, request, current: "/absence", values), request: request, status: status)
    }

    static func absenceRow(_ absence: AbsenceView) -> [String: Any] {
        ["name": absence.name, "period": absence.period, "reason": absence.reasonTitle ?? "—", "substitute": absence.substituteName,
         "status": absence.statusTitle, "current": absence.status == "in_progress"]
    }
}

/// The delegation plan's findings (written for the CLI, in English) in the order's words.
public enum AbsenceText {
    public static func russian(_ message: String, names: [String: String]) -> String {
        var text = message
        func match(_ pattern: String) -> [String]? {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
                  let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
            return (0..<found.numberOfRanges).map { index in
                Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
        func who(_ login: String) -> String { names[login] ?? login }
        func coverage(_ lines: String) -> String {
            lines.split(separator: ";").map { line -> String in
                let line = line.trimmingCharacters(in: .whitespaces)
                guard let regex = try? NSRegularExpression(pattern: #"^(\S+) \(([^)]+)\): (\S+) holds no \S+ grant on it on (\S+)$"#),
                      let found = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return line }
                let part = { (index: Int) in Range(found.range(at: index), in: line).map { String(line[$0]) } ?? "" }
                // "case W1", "cases W1, W2", "autorule road_defects", "fasttrack med_doc", mixed.
                let why = part(2)
                    .replacingOccurrences(of: "cases ", with: "сообщения ")
                    .replacingOccurrences(of: "case ", with: "сообщение ")
                    .replacingOccurrences(of: "autorule ", with: "автоправило ")
                    .replacingOccurrences(of: "fasttrack ", with: "фаст-трек ")
                return "«\(part(1))» (\(why)): \(who(part(3))) не исполнитель по ней на \(RussianText.date(iso: part(4)))"
            }.joined(separator: "; ")
        }
        if let m = match(#"^the substitute does not cover every case and route of (\S+): (.*?) — (?:grant|add)"#) {
            text = "Замещающий не является исполнителем по всем вашим сообщениям и маршрутам: \(coverage(m[2])). Выберите другого замещающего или попросите администратора ЛКО выдать роль «Исполнитель» на период отсутствия."
        } else if let m = match(#"^not covered, their cases go to the coordinator's queue: (.*)$"#) {
            text = "Не покрыто замещающим, эти сообщения уйдут Координатору: \(coverage(m[1]))."
        } else if let m = match(#"^`([^`]+)` has no account$"#) {
            text = "У «\(m[1])» нет учётной записи."
        } else if match(#"^the substitute must be someone else"#) != nil {
            text = "Замещающим должен быть другой сотрудник."
        } else if let m = match(#"^the substitute `([^`]+)` has no account$"#) {
            text = "У замещающего «\(m[1])» нет учётной записи."
        } else if let m = match(#"^the substitute `([^`]+)` is disabled$"#) {
            text = "Учётная запись замещающего (\(who(m[1]))) отключена."
        } else if let m = match(#"^the absence ends \((\S+)\) before it starts \((\S+)\)"#) {
            text = "Последний день отсутствия (\(RussianText.date(iso: m[1]))) раньше первого (\(RussianText.date(iso: m[2])))."
        } else if let m = match(#"^`[^`]+` already has absence #(\d+) \((\S+) – (\S+)\)"#) {
            text = "У вас уже есть отсутствие № \(m[1]) (\(RussianText.date(iso: m[2])) – \(m[3] == "open-ended" ? "без даты окончания" : RussianText.date(iso: m[3]))), пересекающееся с этим; одновременно отсутствовать дважды нельзя."
        } else if let m = match(#"^substitution cycle on (\S+): (.*?);"#) {
            text = "Замкнутая цепочка замещения на \(RussianText.date(iso: m[1])): \(m[2].split(separator: " ").map { $0 == "→" ? "→" : who(String($0)) }.joined(separator: " ")). Выберите замещающего, которого не замещаете вы."
        } else if let m = match(#"^(\d+) case\(s\) fall due during the absence$"#) {
            let count = Int(m[1]) ?? 0
            text = "Срок \(count) \(RussianText.plural(count, "сообщения или обращения", "сообщений или обращений", "сообщений или обращений")) наступает в период отсутствия."
        } else if let m = match(#"^(\S+) will hold (\d+) open cases \(more than (\d+)\)$"#) {
            text = "У замещающего (\(who(m[1]))) будет \(m[2]) открытых сообщений и обращений — больше \(m[3])."
        } else if let m = match(#"^on (\S+) (\S+) is absent too: cases go along (.*) to (\S+)$"#) {
            text = "\(RussianText.date(iso: m[1])) замещающий (\(who(m[2]))) тоже отсутствует: сообщения перейдут по цепочке к \(who(m[4]))."
        }
        return text
    }
}
