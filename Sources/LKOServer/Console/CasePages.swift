import Foundation
import Hummingbird
import LKOApplication
import LKOWorkflow

/// The queues («Мои сообщения и обращения», «На утверждении», «Поступившие»), the case page with
/// its actions, and «Ответственность» for a case.
extension ConsoleRoutes {
    struct Queue {
        var path: String
        var view: CaseView
        var title: String
        var intro: String
        var empty: String
        var showAssignee: Bool
    }

    static let queues: [Queue] = [
        Queue(path: "/cases", view: .mine, title: "Мои сообщения и обращения",
              intro: "Сообщения и обращения, назначенные вам, по сроку: сначала те, у которых срок ближе.",
              empty: "Сейчас на вас не назначено ни одного сообщения или обращения.", showAssignee: false),
        Queue(path: "/approval", view: .approval, title: "На утверждении",
              intro: "Ответы исполнителей, которые вы можете утвердить или вернуть на доработку (п. 12 распоряжения). Ответы, подготовленные вами, сюда не попадают.",
              empty: "Нет ответов, ожидающих вашего утверждения.", showAssignee: true),
        Queue(path: "/incoming", view: .incoming, title: "Поступившие",
              intro: "Сообщения и обращения, поступившие в организацию и ожидающие решения Координатора: назначить исполнителя или перенаправить (п. 7 распоряжения).",
              empty: "Нет поступивших сообщений, ожидающих назначения.", showAssignee: false),
    ]

    func addCasePages(_ routes: Routes) {
        for queue in Self.queues {
            handle(routes, .get, queue.path) { request, context in
                let session = try await session(request, context)
                let pageNumber = max(1, Int(request.uri.queryParameters.get("page") ?? "") ?? 1)
                let number = request.uri.queryParameters.get("number").map { String($0) }?.trimmingCharacters(in: .whitespaces).prefix(64).description
                let caller = session.caller
                let query = CaseQuery(view: queue.view, number: number?.isEmpty == false ? number : nil, page: pageNumber, perPage: 50)
                let result = try await Blocking.run { [service] in try service.cases(caller, query: query) }
                let base = queue.path + ((number?.isEmpty == false) ? "?number=" + ConsolePaths.encode(number!) : "")
                let rows = result.items.map(ConsoleText.row)
                let data = page(queue.title, session, request, [
                    "queue": ["title": queue.title, "intro": queue.intro, "empty": queue.empty, "path": queue.path, "showAssignee": queue.showAssignee],
                    "rows": rows,
                    "hasRows": !rows.isEmpty,
                    "number": number ?? "",
                    "pager": ConsoleText.pager(result, base: base),
                    "counts": [
                        "total": result.total,
                        "overdue": result.items.filter(\.overdue).count,
                        "atRisk": result.items.filter(\.atRisk).count,
                    ],
                ])
                return render("queue", data, request: request)
            }
        }

        handle(routes, .get, "/cases/{number}") { request, context in
            let session = try await session(request, context)
            let number = try Self.parameter(context, "number")
            return try await casePage(request, session: session, number: number, failed: nil, error: nil, form: nil)
        }

        handle(routes, .post, "/cases/{number}/{action}") { request, context in
            let number = try Self.parameter(context, "number")
            let action = try Self.parameter(context, "action")
            let casePath = "/cases/" + ConsolePaths.encode(number)
            let session = try await session(request, context, returnTo: casePath)
            let form = try await form(request, context)
            let caller = session.caller
            do {
                try once(form, session)
                let input = ActionRequest(to: form.text("to"), text: form["text"], comment: form["comment"],
                                          days: form.text("days").map { Int($0) ?? -1 }, organization: action == "redirect" ? form.text("organization") : nil)
                let detail = try await Blocking.run { [service] in try service.perform(caller, action: action, number: number, request: input) }
                return Redirect.to(casePath, cookies: [Flash.setting(Self.doneMessage(action, detail))])
            } catch let error as AppError where error.kind != .unauthenticated && error.kind != .notFound {
                if error.code == "form_repeated" {
                    return Redirect.to(casePath, cookies: [Flash.setting(error.message, kind: "warn")])
                }
                return try await casePage(request, session: session, number: number, failed: action, error: error, form: form)
            }
        }

        handle(routes, .get, "/cases/{number}/responsibility") { request, context in
            let session = try await session(request, context)
            let number = try Self.parameter(context, "number")
            let caller = session.caller
            let (detail, days) = try await Blocking.run { [service] in
                (try service.caseDetail(caller, number: number), try service.responsibility(caller, number: number))
            }
            let data = page("Ответственность: \(number)", session, request, current: "/control", [
                "number": number,
                "href": "/cases/" + ConsolePaths.encode(number),
                "summary": ConsoleText.row(detail.summary),
                "days": days.map { day -> [String: Any] in
                    ["day": day.dayText, "state": day.stateTitle, "responsible": day.responsibleName, "actingFor": day.actingForName ?? ""]
                },
            ])
            return render("responsibility", data, request: request)
        }
    }

    /// The case page; after a refused action, with the error next to its field and the person's
    /// input kept.
    func casePage(_ request: Request, session: PageSession, number: String, failed: String?, error: AppError?, form: ConsoleForm?) async throws -> Response {
        let caller = session.caller
        let detail = try await Blocking.run { [service] in try service.caseDetail(caller, number: number) }
        let names = Set(detail.actions.map(\.action))
        var executors: [PersonChoice] = []
        if names.contains("assign") || names.contains("reassign") {
            let node = detail.summary.node
            executors = try await Blocking.run { [service] in try service.executorChoices(caller, node: node) }
        }
        // Other ЛКО of the region this case may move into (a regional database only).
        let destinations = names.contains("redirect") ? try await Blocking.run { [service] in try service.regionalDestinations() } : []
        let chosenOrganization = failed == "redirect" ? (form?["organization"] ?? "") : ""
        let summary = detail.summary
        let actionPath = "/cases/" + ConsolePaths.encode(number) + "/"
        func formData(_ action: String, _ title: String) -> [String: Any]? {
            guard names.contains(action) else { return nil }
            var data: [String: Any] = ["action": actionPath + action, "title": title]
            if failed == action, let error {
                data["formErrors"] = Self.errors(error)
                data["values"] = form?.fields ?? [:]
            }
            return data
        }
        let selected = failed.flatMap { _ in form?["to"] } ?? ""
        let people = executors.map { person -> [String: Any] in
            ["login": person.login, "label": person.name + (person.position.isEmpty ? "" : ", " + person.position) + (person.covers ? "" : " — не исполнитель по этой подкатегории"),
             "selected": person.login == selected]
        }
        var actionsData: [String: Any] = [:]
        for option in detail.actions {
            if let data = formData(option.action, option.title.prefix(1).uppercased() + option.title.dropFirst()) {
                actionsData[option.action] = data
            }
        }
        let answerText = failed == "draft" ? (form?["text"] ?? "") : (detail.answer ?? "")
        let sourceText = [detail.source.map { "код источника \($0)" }, detail.channel.map(Self.channelTitle)].compactMap { $0 }.joined(separator: "; ")
        let history = detail.history.reversed().map { line -> [String: Any] in
            var actor = line.actorName
            if let actingFor = line.actingForName { actor += " (замещает: \(actingFor))" }
            return ["at": line.atText, "event": line.eventTitle, "actor": actor, "state": line.toStateTitle,
                    "assignee": line.assigneeAfterName ?? "", "comment": line.comment]
        }
        var values: [String: Any] = [
            "case": ConsoleText.row(summary),
            "description": detail.description,
            "address": [detail.locality, detail.address.isEmpty ? nil : detail.address].compactMap { $0 }.joined(separator: ", "),
            "applicant": detail.applicantName,
            "contacts": detail.applicantContacts,
            "source": sourceText.isEmpty ? "—" : sourceText,
            "received": RussianText.date(iso: summary.receivedOn),
            "moderation": RussianText.date(iso: detail.moderationOn),
            "term": detail.term + (detail.extensionDays > 0 ? "; продлён на \(detail.extensionDays) дн." : ""),
            "extensionReason": detail.extensionReason ?? "",
            "answer": detail.answer ?? "",
            "answerText": answerText,
            "redirectedTo": detail.redirectedTo ?? "",
            "history": history,
            "actions": actionsData,
            "hasActions": !actionsData.isEmpty,
            "executors": people,
            "regionalDestinations": destinations.map { ["id": $0.id, "label": "\($0.title) — \($0.kindTitle)", "selected": $0.id == chosenOrganization] },
            "hasRegionalDestinations": !destinations.isEmpty,
            "responsibilityHref": "/cases/" + ConsolePaths.encode(number) + "/responsibility",
            "canReport": session.me.can.report,
        ]
        if let route = detail.route { values["route"] = route.explanation }
        if let error, failed != nil {
            values["errors"] = Self.errors(error)
        }
        let current = Self.queueFor(summary, me: session.me, login: session.caller.login)
        let status = error.map(Self.status) ?? .ok
        return render("case", page("\(summary.regimeTitle) \(summary.posNumber)", session, request, current: current, values), request: request, status: status)
    }

    /// The navigation item a case page belongs to, for this person.
    static func queueFor(_ summary: CaseSummary, me: Me, login: String) -> String {
        if summary.state == "on_approval", me.can.approve { return "/approval" }
        if summary.assignee == login, me.can.draft { return "/cases" }
        if me.can.assign { return "/incoming" }
        if me.can.approve { return "/approval" }
        if me.can.report { return "/control" }
        return me.can.draft ? "/cases" : "/"
    }

    static func channelTitle(_ channel: String) -> String {
        switch channel {
        case "widget": "виджет ПОС на официальном сайте"
        case "epgu_account": "личный кабинет на Госуслугах"
        case "mobile_app": "мобильное приложение Госуслуг"
        default: channel
        }
    }

    static func doneMessage(_ action: String, _ detail: CaseDetail) -> String {
        let number = detail.summary.posNumber
        switch action {
        case "draft": return "Черновик ответа по \(number) сохранён."
        case "submit": return "Ответ по \(number) направлен на утверждение."
        case "approve": return "Ответ по \(number) утверждён и направлен заявителю."
        case "return": return "Ответ по \(number) возвращён исполнителю на доработку."
        case "assign", "reassign": return "\(number): назначен исполнитель — \(detail.summary.assigneeName ?? "")."
        case "redirect": return "\(number) перенаправлено: \(detail.redirectedTo ?? "")."
        case "extend": return "Срок рассмотрения \(number) продлён; новый срок — \(detail.summary.deadlineText)."
        case "reopen": return "\(number) принято на повторное рассмотрение."
        default: return "Готово: \(number) — \(detail.summary.stateTitle)."
        }
    }
}
