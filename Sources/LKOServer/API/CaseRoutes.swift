import Foundation
import Hummingbird
import LKOApplication
import LKOWorkflow

struct ActionBody: Decodable {
    var to: String?
    var text: String?
    var comment: String?
    var days: Int?
    var kind: String?
    var organization: String?
}

extension APIServer {
    func addCaseRoutes(_ api: Routes) {
        api.get("/cases") { request, context in
            let caller = try context.requireCaller()
            let viewText = try APIInput.string(request, "view") ?? "all"
            guard let view = CaseView(rawValue: viewText) else {
                throw AppError.invalid("Очередь: " + CaseView.allCases.map(\.rawValue).joined(separator: ", ") + ".", field: "view")
            }
            var state: CaseState?
            if let text = try APIInput.string(request, "state") {
                guard let parsed = CaseState(rawValue: text) else {
                    throw AppError.invalid("Статус: " + CaseState.allCases.map(\.rawValue).joined(separator: ", ") + ".", field: "state")
                }
                state = parsed
            }
            let query = CaseQuery(view: view, state: state, assignee: try APIInput.string(request, "assignee", maxLength: 64),
                                  number: try APIInput.string(request, "number", maxLength: 64),
                                  page: try APIInput.int(request, "page", default: 1), perPage: try APIInput.int(request, "per_page", default: 50))
            let page = try await Blocking.run { [service] in try service.cases(caller, query: query) }
            return try JSONResponse.make(page)
        }
        api.get("/cases/{number}") { _, context in
            let caller = try context.requireCaller()
            let number = try APIInput.parameter(context, "number")
            return try JSONResponse.make(try await Blocking.run { [service] in try service.caseDetail(caller, number: number) })
        }
        api.get("/cases/{number}/history") { _, context in
            let caller = try context.requireCaller()
            let number = try APIInput.parameter(context, "number")
            return try JSONResponse.make(try await Blocking.run { [service] in try service.caseDetail(caller, number: number).history })
        }
        api.post("/cases/{number}/actions/{action}") { request, context in
            let caller = try context.requireCaller()
            let number = try APIInput.parameter(context, "number")
            let action = try APIInput.parameter(context, "action")
            let body = try await APIInput.json(ActionBody.self, request, context: context)
            let input = ActionRequest(to: body.to, text: body.text, comment: body.comment, days: body.days, kind: body.kind, organization: body.organization)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.perform(caller, action: action, number: number, request: input) })
        }
        api.post("/cases/import") { request, context in
            let caller = try context.requireCaller()
            let buffer = try await APIInput.body(request, upTo: configuration.maximumImportBody)
            let data = Data(buffer: buffer)
            let report = try await Blocking.run { [service] in try service.importCases(caller, data: data) }
            return try JSONResponse.make(report, status: report.bad.isEmpty ? .ok : .unprocessableContent)
        }
    }
}
