import Foundation
import Hummingbird
import LKOApplication

/// «Ежедневный контроль» (order item 13): every open case by executor — open, due today, at
/// risk, overdue — with full names, the cases that need attention, and the CSV for Excel.
extension ConsoleRoutes {
    /// The page lists at most this many cases needing attention; the CSV has them all.
    static let controlRowLimit = 100

    func addControlPages(_ routes: Routes) {
        handle(routes, .get, "/control") { request, context in
            let session = try await session(request, context)
            let caller = session.caller
            let report = try await Blocking.run { [service] in try service.dailyControl(caller) }
            func totals(_ entry: ExecutorTotals) -> [String: Any] {
                ["name": entry.name, "open": entry.open, "dueToday": entry.dueToday, "atRisk": entry.atRisk, "overdue": entry.overdue,
                 "hasOverdue": entry.overdue > 0, "hasRisk": entry.atRisk > 0 || entry.dueToday > 0,
                 "href": "/control?executor=" + ConsolePaths.encode(entry.login)]
            }
            let executor = request.uri.queryParameters.get("executor").map { String($0) }
            let attention = report.rows.filter { row in
                (executor.map { row.assignee == $0 } ?? (row.overdue || row.atRisk || row.dueToday))
            }.sorted { ($0.overdue ? 0 : 1, $0.deadline, $0.posNumber) < ($1.overdue ? 0 : 1, $1.deadline, $1.posNumber) }
            let shown = attention.prefix(Self.controlRowLimit)
            let data = page("Ежедневный контроль", session, request, current: "/control", [
                "date": report.dateText,
                "executors": report.executors.map(totals),
                "hasExecutors": !report.executors.isEmpty,
                "totals": totals(report.totals),
                "filter": executor.map { login in report.executors.first { $0.login == login }?.name ?? login } ?? "",
                "rows": shown.map { row -> [String: Any] in
                    ["number": row.posNumber, "href": "/cases/" + ConsolePaths.encode(row.posNumber),
                     "responsibility": "/cases/" + ConsolePaths.encode(row.posNumber) + "/responsibility",
                     "state": row.stateTitle, "assignee": row.assigneeName, "deadline": row.deadlineText,
                     "left": row.workingDaysLeft.map { $0 < 0 ? "просрочено на " + RussianText.workingDays(-$0) : $0 == 0 ? "последний день" : RussianText.workingDays($0) } ?? "—",
                     "overdue": row.overdue, "atRisk": row.atRisk && !row.overdue, "dueToday": row.dueToday]
                },
                "hasRows": !shown.isEmpty,
                "truncated": attention.count > shown.count ? "Показаны первые \(shown.count) из \(attention.count); полный список — в CSV." : "",
            ])
            return render("control", data, request: request)
        }

        handle(routes, .get, "/control.csv") { request, context in
            let session = try await session(request, context)
            let caller = session.caller
            let report = try await Blocking.run { [service] in try service.dailyControl(caller) }
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"kontrol-\(report.date).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(string: ExcelCSV.control(report))))
        }
    }
}
