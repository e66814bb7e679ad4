import Foundation
import Hummingbird
import LKOApplication
import LKOMessages

/// Администратор ЛКО (order item 8): users, everyone's absences, the policy (review a candidate,
/// apply it — with an explicit confirmation when the change report has risks — or roll back),
/// and the audit log with its verification.
extension ConsoleRoutes {
    func addAdminPages(_ routes: Routes) {
        addUserPages(routes)
        addPolicyPages(routes)

        handle(routes, .get, "/admin/absences") { request, context in
            let session = try await session(request, context)
            let caller = session.caller
            let list = try await Blocking.run { [service] in try service.absences(caller) }
            let data = page("Отсутствия сотрудников", session, request, current: "/admin/absences", [
                "absences": list.map(Self.absenceRow),
                "hasAbsences": !list.isEmpty,
            ])
            return render("admin-absences", data, request: request)
        }

        for verify in [false, true] {
            handle(routes, .get, verify ? "/admin/audit/verify" : "/admin/audit") { request, context in
                let session = try await session(request, context)
                let caller = session.caller
                let pageNumber = max(1, Int(request.uri.queryParameters.get("page") ?? "") ?? 1)
                let perPage = 50
                let (log, check) = try await Blocking.run { [service] in
                    (try service.auditLog(caller, page: pageNumber, perPage: perPage), verify ? try service.verifyAudit(caller) : nil)
                }
                var values: [String: Any] = [
                    "entries": log.items.map(Self.auditRow),
                    "pager": ConsoleText.pager(page: log.page, perPage: log.perPage, total: log.total, base: "/admin/audit"),
                ]
                if let check {
                    values["verification"] = ["intact": check.intact, "message": check.message, "head": check.headHash]
                }
                return render("admin-audit", page("Журнал действий", session, request, current: "/admin/audit", values), request: request)
            }
        }
    }

    /// An audit entry as the page shows it: the event's title and its details in words (the
    /// identifier, `case.assign`, stays beside the title for whoever searches the log for it).
    static func auditRow(_ entry: AuditEntryView) -> [String: Any] {
        [
            "seq": entry.seq, "at": entry.atText, "actor": entry.actor == "system" ? Message(.actorSystem).render(.ru) : entry.actorName,
            "action": AuditText.title(entry.action)?.render(.ru) ?? entry.action, "code": entry.action, "object": entry.object,
            "details": AuditText.details(entry.details, action: entry.action).map { $0.render(.ru) }.joined(separator: "; "),
        ]
    }

    // MARK: Users

    func addUserPages(_ routes: Routes) {
        handle(routes, .get, "/admin/users") { request, context in
            let session = try await session(request, context)
            return try await usersPage(request, session: session, error: nil, form: nil, failedLogin: nil)
        }

        handle(routes, .post, "/admin/users") { request, context in
            let session = try await session(request, context, returnTo: "/admin/users")
            let form = try await form(request, context)
            let caller = session.caller
            do {
                try once(form, session)
                let input = NewUserInput(login: form.text("login") ?? "", fullName: form.text("full_name") ?? "", position: form.text("position") ?? "",
                                         department: form.text("department") ?? "", email: form.text("email") ?? "", password: form["password"] ?? "")
                let user = try await Blocking.run { [service] in try service.addUser(caller, input) }
                return Redirect.to("/admin/users", cookies: [Flash.setting("Учётная запись «\(user.login)» (\(user.fullName)) создана. Роли и направления задаются в политике (grants.lko).")])
            } catch let error as AppError where error.kind != .unauthenticated {
                if error.code == "form_repeated" { return Redirect.to("/admin/users", cookies: [Flash.setting(error.message, kind: "warn")]) }
                return try await usersPage(request, session: session, error: error, form: form, failedLogin: nil)
            }
        }

        handle(routes, .post, "/admin/users/{login}/{verb}") { request, context in
            let session = try await session(request, context, returnTo: "/admin/users")
            let login = try Self.parameter(context, "login")
            let verb = try Self.parameter(context, "verb")
            let form = try await form(request, context)
            let caller = session.caller
            do {
                try once(form, session)
                let message: String
                switch verb {
                case "disable", "enable":
                    let user = try await Blocking.run { [service] in try service.setUserEnabled(caller, login: login, enabled: verb == "enable") }
                    message = "Учётная запись \(user.fullName) \(verb == "enable" ? "включена" : "отключена")."
                case "unlock":
                    let user = try await Blocking.run { [service] in try service.unlockUser(caller, login: login) }
                    message = "Учётная запись \(user.fullName) разблокирована."
                case "password":
                    let password = form["password"] ?? ""
                    try await Blocking.run { [service] in try service.resetPassword(caller, login: login, password: password) }
                    message = "Пароль «\(login)» изменён; все сеансы этой учётной записи завершены. Сообщите новый пароль сотруднику лично."
                default:
                    throw AppError.notFound
                }
                return Redirect.to("/admin/users", cookies: [Flash.setting(message)])
            } catch let error as AppError where error.kind != .unauthenticated && error.code != "not_found" {
                if error.code == "form_repeated" { return Redirect.to("/admin/users", cookies: [Flash.setting(error.message, kind: "warn")]) }
                return try await usersPage(request, session: session, error: error, form: nil, failedLogin: login)
            }
        }
    }

    func usersPage(_ request: Request, session: PageSession, error: AppError?, form: ConsoleForm?, failedLogin: String?) async throws -> Response {
        let caller = session.caller
        let users = try await Blocking.run { [service] in try service.users(caller) }
        var values: [String: Any] = [
            "users": users.map { user -> [String: Any] in
                var row: [String: Any] = [
                    "login": user.login, "name": user.fullName, "position": user.position, "department": user.department,
                    "active": user.status == "active", "status": user.statusTitle, "locked": user.locked,
                    "lockedUntil": user.lockedUntilText ?? "", "self": user.login == caller.login,
                    "base": "/admin/users/" + ConsolePaths.encode(user.login) + "/",
                ]
                if user.login == failedLogin, let error { row["error"] = error.message }
                return row
            },
            "values": form?.fields ?? [:],
        ]
        if let error {
            values["errors"] = Self.errors(error)
            if failedLogin == nil { values["addErrors"] = Self.errors(error) }
        }
        let status = error.map(Self.status) ?? .ok
        return render("admin-users", page("Пользователи", session, request, current: "/admin/users", values), request: request, status: status)
    }

    // MARK: Policy

    static let filePattern = try? NSRegularExpression(pattern: #"^=== ([^\s=][^=]*\.lko) ===$"#)

    /// The textarea's text as policy files: each file starts with a line `=== name.lko ===`.
    static func policyFiles(_ text: String) throws -> PolicyFiles {
        var files: [(path: String, text: String)] = []
        var current: (path: String, lines: [String])?
        var before: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init(_:)) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let regex = filePattern, let match = regex.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)),
               let range = Range(match.range(at: 1), in: trimmed) {
                if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
                current = (String(trimmed[range]).trimmingCharacters(in: .whitespaces), [])
            } else if current != nil {
                current!.lines.append(line)
            } else {
                before.append(line)
            }
        }
        if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
        if files.isEmpty {
            guard !before.joined().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw AppError.invalid("Вставьте текст политики: каждый файл начинается строкой «=== имя.lko ===».", field: "files")
            }
            throw AppError.invalid("Не видно ни одного файла: каждый файл начинается строкой «=== имя.lko ===» (например, «=== grants.lko ===»).", field: "files")
        }
        if !before.joined().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw AppError.invalid("Текст до первой строки «=== имя.lko ===» не относится ни к одному файлу.", field: "files")
        }
        return PolicyFiles(files: files.map { ($0.path, $0.text.hasSuffix("\n") ? $0.text : $0.text + "\n") })
    }

    static func policyText(_ files: [PolicySourceFile]) -> String {
        files.map { "=== \($0.path) ===\n" + $0.text.trimmingCharacters(in: .newlines) }.joined(separator: "\n\n") + "\n"
    }

    func addPolicyPages(_ routes: Routes) {
        handle(routes, .get, "/admin/policy") { request, context in
            let session = try await session(request, context)
            return try await policyPage(request, session: session, text: nil, message: "", review: nil, error: nil)
        }

        handle(routes, .post, "/admin/policy/review") { request, context in
            let session = try await session(request, context, returnTo: "/admin/policy")
            let form = try await form(request, context)
            let text = form["files"] ?? ""
            let caller = session.caller
            do {
                let candidate = try Self.policyFiles(text)
                let review = try await Blocking.run { [service] in try service.reviewPolicy(caller, candidate) }
                return try await policyPage(request, session: session, text: text, message: form["message"] ?? "", review: review, error: nil)
            } catch let error as AppError where error.kind != .unauthenticated {
                return try await policyPage(request, session: session, text: text, message: form["message"] ?? "", review: nil, error: error)
            }
        }

        handle(routes, .post, "/admin/policy/apply") { request, context in
            let session = try await session(request, context, returnTo: "/admin/policy")
            let form = try await form(request, context)
            let text = form["files"] ?? ""
            let message = form["message"] ?? ""
            let confirm = form.flag("confirm_risks")
            let caller = session.caller
            do {
                try once(form, session)
                let candidate = try Self.policyFiles(text)
                let result = try await Blocking.run { [service] in try service.applyPolicy(caller, candidate, message: message, confirmRisks: confirm) }
                let note = result.changed ? "Политика применена: версия \(result.version.prefix(19))…" : "Кандидат совпадает с действующей политикой; ничего не изменено."
                return Redirect.to("/admin/policy", cookies: [Flash.setting(note + (result.warnings.isEmpty ? "" : " Предупреждений: \(result.warnings.count)."))])
            } catch let error as AppError where error.kind != .unauthenticated {
                if error.code == "form_repeated" { return Redirect.to("/admin/policy", cookies: [Flash.setting(error.message, kind: "warn")]) }
                let review = try? await Blocking.run { [service] in try service.reviewPolicy(caller, try Self.policyFiles(text)) }
                return try await policyPage(request, session: session, text: text, message: message, review: review, error: error)
            }
        }

        handle(routes, .post, "/admin/policy/rollback") { request, context in
            let session = try await session(request, context, returnTo: "/admin/policy")
            let form = try await form(request, context)
            let caller = session.caller
            let version = form.text("version")
            let message = form["message"] ?? ""
            do {
                try once(form, session)
                let result = try await Blocking.run { [service] in try service.rollbackPolicy(caller, to: version, message: message.isEmpty ? "Откат из консоли" : message) }
                return Redirect.to("/admin/policy", cookies: [Flash.setting("Действует версия \(result.version.prefix(19))… (откат).")])
            } catch let error as AppError where error.kind != .unauthenticated {
                if error.code == "form_repeated" { return Redirect.to("/admin/policy", cookies: [Flash.setting(error.message, kind: "warn")]) }
                return Redirect.to("/admin/policy", cookies: [Flash.setting(error.message, kind: "error")])
            }
        }
    }

    func policyPage(_ request: Request, session: PageSession, text: String?, message: String, review: PolicyReview?, error: AppError?) async throws -> Response {
        let caller = session.caller
        let (versions, files) = try await Blocking.run { [service] in
            (try service.policyVersions(caller), text == nil ? try service.activePolicyFiles(caller) : [])
        }
        var values: [String: Any] = [
            "versions": versions.reversed().map { version -> [String: Any] in
                ["activation": version.activation, "id": version.versionID, "version": String(version.version.prefix(19)) + "…", "full": version.version,
                 "kind": version.kind == "rollback" ? "откат" : "применение", "actor": version.actorName, "at": version.atText,
                 "note": version.message, "active": version.isActive]
            },
            "files": text ?? Self.policyText(files),
            "message": message,
        ]
        if let review {
            values["review"] = [
                "problems": review.errors, "hasErrors": !review.errors.isEmpty, "markdown": review.markdown, "hasRisks": review.hasRisks,
                // «повышение прав: roads_specialist получает …», as the report below names them.
                "risks": review.diff?.risks.map { ["kind": $0.kindTitle, "text": $0.message] } ?? [],
            ]
        }
        if let error {
            var errors = Self.errors(error)
            // The risks are listed in the report right below; the summary only says what to do.
            if error.code == "risks_unconfirmed" { errors["hasDetails"] = false }
            values["errors"] = errors
        }
        let status = error.map(Self.status) ?? .ok
        return render("admin-policy", page("Политика", session, request, current: "/admin/policy", values), request: request, status: status)
    }
}
