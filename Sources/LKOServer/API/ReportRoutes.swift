import Hummingbird
import LKOApplication

extension APIServer {
    func addReportRoutes(_ api: Routes) {
        for (path, overdueOnly) in [("/reports/daily", false), ("/reports/overdue", true)] {
            api.get(path) { request, context in
                let caller = try context.requireCaller()
                let at = try APIInput.string(request, "at", maxLength: 20)
                let format = try APIInput.string(request, "format", maxLength: 10) ?? "json"
                guard ["json", "csv"].contains(format) else { throw AppError.invalid("Формат: json или csv.", field: "format") }
                let report = try await Blocking.run { [service] in try service.dailyControl(caller, at: at, overdueOnly: overdueOnly) }
                if format == "csv" { return CSVResponse.make(ExcelCSV.control(report), filename: "kontrol-\(report.date).csv") }
                return try JSONResponse.make(report)
            }
        }
        api.get("/reports/violations") { request, context in
            let caller = try context.requireCaller()
            let from = try APIInput.string(request, "from", maxLength: 20)
            let to = try APIInput.string(request, "to", maxLength: 20)
            let format = try APIInput.string(request, "format", maxLength: 10) ?? "json"
            guard ["json", "csv"].contains(format) else { throw AppError.invalid("Формат: json или csv.", field: "format") }
            let rows = try await Blocking.run { [service] in try service.violations(caller, from: from, to: to) }
            if format == "csv" { return CSVResponse.make(ExcelCSV.violations(rows), filename: "narusheniya.csv") }
            return try JSONResponse.make(rows)
        }
        api.get("/reports/responsibility/{number}") { request, context in
            let caller = try context.requireCaller()
            let number = try APIInput.parameter(context, "number")
            let until = try APIInput.string(request, "until", maxLength: 20)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.responsibility(caller, number: number, until: until) })
        }
        api.get("/deadline") { request, context in
            let caller = try context.requireCaller()
            guard let from = try APIInput.string(request, "from", maxLength: 20) else { throw AppError.invalid("Укажите дату начала отсчёта.", field: "from") }
            let days = try APIInput.int(request, "days", default: 30)
            let unit = try APIInput.string(request, "unit", maxLength: 10) ?? "calendar"
            return try JSONResponse.make(try await Blocking.run { [service] in try service.deadline(caller, from: from, days: days, unit: unit) })
        }
        api.get("/explain") { request, context in
            let caller = try context.requireCaller()
            guard let action = try APIInput.string(request, "action", maxLength: 40) else { throw AppError.invalid("Укажите действие.", field: "action") }
            let login = try APIInput.string(request, "login", maxLength: 64)
            let subcategory = try APIInput.string(request, "subcategory", maxLength: 200)
            let assignee = try APIInput.string(request, "assignee", maxLength: 64)
            let at = try APIInput.string(request, "at", maxLength: 20)
            return try JSONResponse.make(try await Blocking.run { [service] in
                try service.explain(caller, login: login, action: action, subcategory: subcategory, assignee: assignee, at: at)
            })
        }
    }
}

/// A CSV download a Russian Excel opens as columns (see ``ExcelCSV``).
enum CSVResponse {
    static func make(_ text: String, filename: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(filename)\"",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
