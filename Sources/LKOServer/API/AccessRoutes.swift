import Hummingbird
import LKOApplication
import LKOCalendar

/// The administrator's view of who can do what (issue 14): the access review (матрица доступа),
/// who-can, and one person's access. Read-only; `manage_users` or `view_audit` (or oneself).
extension APIServer {
    /// `?at=`: a day as every other date input (`YYYY-MM-DD` or `DD.MM.YYYY`), default today.
    static func accessDay(_ request: Request) throws -> CalendarDate? {
        try DayInput.field(try APIInput.string(request, "at", maxLength: 20), name: "at", required: false)
    }

    func addAccessRoutes(_ api: Routes) {
        api.get("/access/review") { request, context in
            let caller = try context.requireCaller()
            let at = try Self.accessDay(request)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.accessReview(caller, at: at) })
        }
        api.get("/access/who-can") { request, context in
            let caller = try context.requireCaller()
            guard let action = try APIInput.string(request, "action", maxLength: 40) else { throw AppError.invalid("Укажите действие: ?action=approve.", field: "action") }
            guard let node = try APIInput.string(request, "subcategory", maxLength: 200) else { throw AppError.invalid("Укажите подкатегорию: ?subcategory=roads.potholes.", field: "subcategory") }
            let at = try Self.accessDay(request)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.whoCan(caller, action: action, node: node, at: at) })
        }
        api.get("/users/{login}/access") { request, context in
            let caller = try context.requireCaller()
            let login = try APIInput.parameter(context, "login")
            let at = try Self.accessDay(request)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.userAccess(caller, login: login, at: at) })
        }
    }
}
