import Foundation
import LKOWorkflow

extension LKOService {
    /// ``importCases(_:data:)`` with progress reports (lines done, lines in all), for the
    /// terminal shell's progress line on large exports.
    public func importCases(_ caller: Caller, data: Data, progress: (Int, Int) -> Void) throws -> CaseImporter.Report {
        try run {
            let workflow = try workflow()
            let day = workflow.today
            if ![.assign, .managePolicy].contains(where: { workflow.policy.decide(login: caller.login, action: $0, node: nil, assignee: nil, on: day) }) {
                try store.authorize(caller.account, .assign)
            }
            return try CaseImporter(workflow: workflow).run(data, actor: caller.login, progress: progress)
        }
    }
}
