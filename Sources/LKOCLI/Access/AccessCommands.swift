import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler

/// `lko access who-can|review`: the administrator's view of who can do what.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Who can do what: who-can, and the access review (матрица доступа).",
        subcommands: [AccessWhoCan.self, AccessReviewCommand.self]
    )
}

/// The local service and its logged-in caller (access commands read the local database).
func localAccess(_ database: DatabaseOptions) throws -> (LKOService, Caller) {
    guard let local = try database.backend() as? LocalBackend else {
        throw CommandFailure(message: "`lko access` works on the local database file; run it where the database is (no --server)", exitCode: .usage)
    }
    return (local.service, try local.caller())
}

struct AccessWhoCan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "Everyone who may do ACTION on a case in SUBCATEGORY, and through what (grant or absence).",
        discussion: "  lko access who-can approve housing.roof --at 2027-01-12"
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The action, e.g. approve.") var action: String
    @Argument(help: "The subcategory (or fact) path, e.g. roads.potholes.") var subcategory: String
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "date")) var at: CalendarDate?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let (service, caller) = try localAccess(database)
            let entries = try service.whoCan(caller, action: action, node: subcategory, at: at)
            if format == .json { try Terminal.document(entries, key: "people"); return }
            if entries.isEmpty { Terminal.out("nobody may \(action) in \(subcategory)"); return }
            for entry in entries {
                Terminal.out("\(entry.login)\(entry.fullName.map { " (\($0))" } ?? "")\(entry.status == "active" ? "" : " [\(entry.status)]"): \(entry.reach) — \(entry.source)")
            }
        }
    }
}

struct AccessReviewCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The матрица доступа: per person every right with its source, and what changed since the last recorded review.",
        discussion: "--record keeps this review in the database (audited), for the next one to compare with."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "markdown (default), csv or json.") var format: Format = .markdown
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "date")) var at: CalendarDate?
    @Flag(help: "Record this review in the database (audited).") var record = false

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try localAccess(database)
            let review = try service.accessReview(caller, at: at, record: record)
            switch format {
            case .json: try Terminal.document(review)
            case .csv: FileHandle.standardOutput.write(Data(AccessRender.csv(review).utf8))
            case .markdown: FileHandle.standardOutput.write(Data(AccessRender.markdown(review).utf8))
            }
            if let recorded = review.recorded { Terminal.err("recorded access review #\(recorded.id) (\(recorded.digest.prefix(19))…)") }
        }
    }
}

/// Text for the access commands.
enum AccessRender {
    static func rightLine(_ right: AccessRight) -> String {
        "\(right.action) on \(right.scope)" + (right.nodes == ["*"] ? "" : " in " + right.nodes.joined(separator: ", "))
            + (right.from.map { " from \($0)" } ?? "") + (right.until.map { " until \($0)" } ?? "")
    }

    static func person(_ access: PersonAccess) -> String {
        var lines: [String] = []
        lines.append("access of \(access.login) on \(access.day)" + (access.status == "active" ? "" : " [\(access.status)]") + (access.locked ? " [locked]" : ""))
        lines.append("  roles: " + (access.roles.isEmpty ? "none" : access.roles.joined(separator: ", ")))
        if !access.grants.isEmpty {
            lines.append("  grants:")
            for grant in access.grants {
                lines.append("    \(grant.role) on \(grant.nodes.isEmpty ? "the whole tree" : grant.nodes.joined(separator: ", "))"
                             + (grant.from.map { " from \($0)" } ?? "") + (grant.until.map { " until \($0)" } ?? "") + (grant.valid ? "" : " (not valid that day)") + "  (\(grant.position))")
            }
        }
        if !access.derived.isEmpty {
            lines.append("  rights from absences:")
            for right in access.derived { lines.append("    \(rightLine(right))  (\(right.source))") }
        }
        if !access.absences.isEmpty {
            lines.append("  absences:")
            for absence in access.absences {
                lines.append("    #\(absence.id) \(absence.role == "away" ? "away" : "stands in for \(absence.login)") \(absence.from) – \(absence.until ?? "open-ended"), substitute \(absence.substitute) [\(absence.status)]")
            }
        }
        lines.append("  open cases: " + (access.openCases.isEmpty ? "none" : access.openCases.joined(separator: ", ")))
        for warning in access.warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    static func markdown(_ review: AccessReview) -> String {
        var out = "# Матрица доступа на \(review.day)\n\nPolicy `\(review.policyVersion.prefix(19))…`"
        if let previous = review.previous { out += "; compared with review #\(previous.id) of \(previous.day) by \(previous.recordedBy)" }
        out += "\n\n| login | name | status | right | source |\n| --- | --- | --- | --- | --- |\n"
        for person in review.people {
            if person.rights.isEmpty { out += "| \(person.login) | \(cell(person.fullName ?? "")) | \(person.status) | — | |\n" }
            for right in person.rights {
                out += "| \(person.login) | \(cell(person.fullName ?? "")) | \(person.status) | \(cell(rightLine(right))) | \(cell(right.source)) |\n"
            }
        }
        if review.previous != nil {
            out += "\n## Changes since the last recorded review\n\n"
            if review.changes.isEmpty { out += "none\n" }
            for change in review.changes { out += "- \(change.login): \(change.change) \(cell(change.right))\n" }
        }
        return out
    }

    static func csv(_ review: AccessReview) -> String {
        func field(_ text: String) -> String { text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text }
        var out = "login,full_name,status,action,scope,nodes,from,until,kind,source\n"
        for person in review.people {
            for right in person.rights {
                out += [person.login, person.fullName ?? "", person.status, right.action, right.scope, right.nodes.joined(separator: " "), right.from ?? "", right.until ?? "", right.kind, right.source].map(field).joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
