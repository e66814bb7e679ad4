import Hummingbird
import LKOApplication

struct AbsenceBody: Decodable {
    var login: String
    var from: String
    var until: String?
    var reason: String
    var substitute: String
    var returnOpenCases: Bool?
    var allowPartial: Bool?

    enum CodingKeys: String, CodingKey {
        case login, from, until, reason, substitute
        case returnOpenCases = "return_open_cases"
        case allowPartial = "allow_partial"
    }

    var input: AbsenceInput {
        AbsenceInput(login: login, from: from, until: until, reason: reason, substitute: substitute, returnOpenCases: returnOpenCases ?? false, allowPartial: allowPartial ?? false)
    }
}

struct AbsenceChangeBody: Decodable {
    var from: String?
    var until: String?
    var openEnded: Bool?
    var reason: String?
    var substitute: String?
    var returnOpenCases: Bool?
    var allowPartial: Bool?
    var dryRun: Bool?

    enum CodingKeys: String, CodingKey {
        case from, until, reason, substitute
        case openEnded = "open_ended"
        case returnOpenCases = "return_open_cases"
        case allowPartial = "allow_partial"
        case dryRun = "dry_run"
    }

    var input: AbsenceChangeInput {
        AbsenceChangeInput(from: from, until: until, openEnded: openEnded ?? false, reason: reason, substitute: substitute, returnOpenCases: returnOpenCases, allowPartial: allowPartial)
    }
}

struct AbsenceEndBody: Decodable {
    var at: String?
}

extension APIServer {
    func addAbsenceRoutes(_ api: Routes) {
        api.get("/absences") { request, context in
            let caller = try context.requireCaller()
            let login = try APIInput.string(request, "login", maxLength: 64)
            let at = try APIInput.string(request, "at", maxLength: 20)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.absences(caller, login: login, at: at) })
        }
        api.post("/absences/plan") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(AbsenceBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.planAbsence(caller, body.input) })
        }
        api.post("/absences") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(AbsenceBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.addAbsence(caller, body.input) }, status: .created)
        }
        api.post("/absences/{id}/end") { request, context in
            let caller = try context.requireCaller()
            guard let id = Int64(try APIInput.parameter(context, "id")) else { throw AppError.notFound }
            let body = try await APIInput.json(AbsenceEndBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.endAbsence(caller, id: id, returnedOn: body.at) })
        }
        api.post("/absences/{id}/change") { request, context in
            let caller = try context.requireCaller()
            guard let id = Int64(try APIInput.parameter(context, "id")) else { throw AppError.notFound }
            let body = try await APIInput.json(AbsenceChangeBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.changeAbsence(caller, id: id, body.input, dryRun: body.dryRun ?? false) })
        }
        api.post("/absences/{id}/cancel") { _, context in
            let caller = try context.requireCaller()
            guard let id = Int64(try APIInput.parameter(context, "id")) else { throw AppError.notFound }
            try await Blocking.run { [service] in try service.cancelAbsence(caller, id: id) }
            return JSONResponse.noContent()
        }
        api.get("/delegation/check") { request, context in
            let caller = try context.requireCaller()
            let from = try APIInput.string(request, "from", maxLength: 20)
            let days = try APIInput.int(request, "days", default: 14)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.delegationCheck(caller, from: from, days: days) })
        }
    }
}
