import Foundation
import Hummingbird
import LKOApplication
import LKOMessages
import LKOWorkflow

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
        func named(_ message: Message) -> String { message.naming { names[$0] ?? $0 }.render(.ru) }
        if let error {
            var errors = Self.errors(error)
            if !error.detailTexts.isEmpty {
                // A refused plan: its errors with people's names; the policy lines to paste are
                // for the administrator's CLI, the console says whom to ask instead.
                var lines = error.detailTexts.filter { $0.key != .planSuggestion }.map(named)
                if error.detailTexts.contains(where: { $0.key == .planSuggestion || $0.key == .planNotCovering }) { lines.append(Message(.planCoverHint).render(.ru)) }
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
                "errors": plan.plan.errors.map { named($0.message) } + (plan.plan.errors.contains { $0.code == "substitute_not_covering" } ? [Message(.planCoverHint).render(.ru)] : []),
                "hasErrors": !plan.plan.errors.isEmpty,
                "warnings": plan.plan.warnings.map { named($0.message) },
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
