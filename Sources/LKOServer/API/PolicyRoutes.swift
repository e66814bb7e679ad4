import Hummingbird
import LKOApplication

struct PolicyFileBody: Decodable {
    var path: String
    var text: String
}

struct PolicyCandidateBody: Decodable {
    var files: [PolicyFileBody]
    var message: String?
    var confirmRisks: Bool?

    enum CodingKeys: String, CodingKey {
        case files, message
        case confirmRisks = "confirm_risks"
    }

    var candidate: PolicyFiles { PolicyFiles(files: files.map { ($0.path, $0.text) }) }
}

struct RollbackBody: Decodable {
    var version: String?
    var message: String?
}

extension APIServer {
    func addPolicyRoutes(_ api: Routes) {
        api.get("/policy/versions") { _, context in
            let caller = try context.requireCaller()
            return try JSONResponse.make(try await Blocking.run { [service] in try service.policyVersions(caller) })
        }
        api.post("/policy/review") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(PolicyCandidateBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.reviewPolicy(caller, body.candidate) })
        }
        api.post("/policy/apply") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(PolicyCandidateBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in
                try service.applyPolicy(caller, body.candidate, message: body.message ?? "", confirmRisks: body.confirmRisks ?? false)
            })
        }
        api.post("/policy/rollback") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(RollbackBody.self, request, context: context)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.rollbackPolicy(caller, to: body.version, message: body.message ?? "") })
        }
        api.get("/audit") { request, context in
            let caller = try context.requireCaller()
            let actor = try APIInput.string(request, "actor", maxLength: 64)
            let object = try APIInput.string(request, "object", maxLength: 200)
            let page = try APIInput.int(request, "page", default: 1)
            let perPage = try APIInput.int(request, "per_page", default: 100)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.auditLog(caller, actor: actor, object: object, page: page, perPage: perPage) })
        }
        api.get("/audit/verify") { _, context in
            let caller = try context.requireCaller()
            return try JSONResponse.make(try await Blocking.run { [service] in try service.verifyAudit(caller) })
        }
    }
}
