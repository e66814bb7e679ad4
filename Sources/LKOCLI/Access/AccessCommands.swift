import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOMessages

/// `lko access who-can|review`: the administrator's view of who can do what.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: L(.optAccessAbstract),
        subcommands: [AccessWhoCan.self, AccessReviewCommand.self]
    )
}

/// The local service and its logged-in caller (access commands read the local database).
func localAccess(_ database: DatabaseOptions) throws -> (LKOService, Caller) {
    guard let local = try database.backend() as? LocalBackend else {
        throw CommandFailure(message: L(.cliAccessLocalOnly), exitCode: .usage)
    }
    return (local.service, try local.caller())
}

struct AccessWhoCan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: L(.optAccessWhoCanAbstract),
        discussion: "  lko access who-can approve housing.roof --at 2027-01-12"
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argAction))) var action: String
    @Argument(help: ArgumentHelp(L(.argSubcategory))) var subcategory: String
    @Option(help: ArgumentHelp(L(.optDay), valueName: "date")) var at: CalendarDate?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let (service, caller) = try localAccess(database)
            let entries = try service.whoCan(caller, action: action, node: subcategory, at: at)
            if format == .json { try Terminal.document(entries, key: "people"); return }
            if entries.isEmpty { Terminal.out(L(.cliNobodyMay, ["action": action, "subcategory": subcategory])); return }
            for entry in entries { Terminal.out(AccessRender.whoCan(entry)) }
        }
    }
}

struct AccessReviewCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: L(.optAccessReviewAbstract),
        discussion: L(.optAccessReviewDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.optAccessReviewFormat))) var format: Format = .markdown
    @Option(help: ArgumentHelp(L(.optDay), valueName: "date")) var at: CalendarDate?
    @Flag(help: ArgumentHelp(L(.flagAccessRecord))) var record = false

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try localAccess(database)
            let review = try service.accessReview(caller, at: at, record: record)
            switch format {
            case .json: try Terminal.document(review)
            case .csv: FileHandle.standardOutput.write(Data(AccessRender.csv(review).utf8))
            case .markdown: FileHandle.standardOutput.write(Data(AccessRender.markdown(review).utf8))
            }
            if let recorded = review.recorded { Terminal.err(L(.cliAccessRecorded, ["id": "\(recorded.id)", "digest": String(recorded.digest.prefix(19))])) }
        }
    }
}

/// Text for the access commands, in the reader's language (CSV and JSON stay language-neutral).
enum AccessRender {
    static var language: Language { Language.current }

    static func text(_ message: Message) -> String { message.render(language) }

    /// `approve: сообщения и обращения в roads с 10.03.2026 по 20.03.2026`.
    static func rightLine(_ right: AccessRight) -> String { text(AccessText.right(right)) }

    /// One line of `who-can`: the person, what they may reach, and through what.
    static func whoCan(_ entry: WhoCanEntry) -> String {
        // An entry from an older server has only the English `reach` and `source`.
        let right = entry.right
        let reach = entry.scope.map { text(AccessText.reach(scope: $0, nodes: entry.nodes ?? ["*"])) } ?? entry.reach
        return text(Message(.accessWhoCanLine, [
            "person": .text(AccessText.person(entry.login, entry.fullName)),
            "status": entry.status == "active" ? "" : .text(" [" + text(AccessText.status(entry.status)) + "]"),
            "reach": .text(reach), "source": .text(entry.kind == nil ? entry.source : text(AccessText.source(right))),
        ]))
    }

    static func person(_ access: PersonAccess) -> String {
        var lines: [String] = []
        var tags: [String] = []
        if access.status != "active" { tags.append(text(AccessText.status(access.status))) }
        if access.locked { tags.append(L(.accessLocked)) }
        lines.append(text(Message(.accessHeading, [
            "person": .text(AccessText.person(access.login, access.fullName)), "day": .text(AccessText.day(access.day)),
            "tags": .text(tags.map { " [\($0)]" }.joined()),
        ])))
        let titles = Dictionary(access.grants.map { ($0.role, $0.roleTitle) }, uniquingKeysWith: { first, _ in first })
        let roles = access.roles.map { text(Message(.verbatim, ["text": AccessText.role($0, title: titles[$0] ?? nil)])) }
        lines.append(L(.accessRoles, ["roles": roles.isEmpty ? L(.errNone) : roles.joined(separator: ", ")]))
        if !access.grants.isEmpty {
            lines.append(L(.accessGrantsHeading))
            for grant in access.grants {
                lines.append(text(Message(.accessGrantLine, [
                    "role": AccessText.role(grant.role, title: grant.roleTitle), "nodes": grant.nodes.isEmpty ? .message(Message(.explainWholeTree)) : .text(grant.nodes.joined(separator: ", ")),
                    "period": AccessText.period(from: grant.from, until: grant.until), "invalid": grant.valid ? "" : .message(Message(.accessNotValidThatDay)),
                    "position": .text(grant.position),
                ])))
            }
        }
        if !access.derived.isEmpty {
            lines.append(L(.accessDerivedHeading))
            for right in access.derived { lines.append("    \(rightLine(right))  (\(text(AccessText.source(right))))") }
        }
        if !access.absences.isEmpty {
            lines.append(L(.accessAbsencesHeading))
            for absence in access.absences {
                let arguments: [String: Message.Argument] = [
                    "id": .text("\(absence.id)"), "from": .text(AccessText.day(absence.from)),
                    "until": absence.until.map { .text(AccessText.day($0)) } ?? .message(Message(.openEnded)),
                    "status": .message(AccessText.absenceStatus(absence.status)),
                    "person": .text(AccessText.person(absence.login, absence.name)), "substitute": .text(AccessText.person(absence.substitute, absence.substituteName)),
                ]
                lines.append(text(Message(absence.role == "away" ? .accessAbsenceAway : .accessAbsenceStandsIn, arguments)))
            }
        }
        lines.append(L(.accessOpenCases, ["cases": access.openCases.isEmpty ? L(.errNone) : access.openCases.joined(separator: ", ")]))
        for warning in access.warnings { lines.append("  " + L(.prefixWarning) + text(warning.message)) }
        return lines.joined(separator: "\n")
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    static func markdown(_ review: AccessReview) -> String {
        let names = Dictionary(review.people.map { ($0.login, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        var out = L(.accessReviewTitle, ["day": AccessText.day(review.day)]) + "\n\n" + L(.accessReviewPolicy, ["version": String(review.policyVersion.prefix(19))])
        if let previous = review.previous {
            out += L(.accessReviewCompared, ["id": "\(previous.id)", "day": AccessText.day(previous.day), "person": AccessText.person(previous.recordedBy, names[previous.recordedBy] ?? nil)])
        }
        let headers = [L(.columnLogin), L(.columnFullName), L(.columnStatus), L(.accessColumnRight), L(.accessColumnSource)]
        out += "\n\n| " + headers.joined(separator: " | ") + " |\n| --- | --- | --- | --- | --- |\n"
        for person in review.people {
            let status = text(AccessText.status(person.status))
            if person.rights.isEmpty { out += "| \(person.login) | \(cell(person.fullName ?? "")) | \(status) | — | |\n" }
            for right in person.rights {
                out += "| \(person.login) | \(cell(person.fullName ?? "")) | \(status) | \(cell(rightLine(right))) | \(cell(text(AccessText.source(right)))) |\n"
            }
        }
        if review.previous != nil {
            out += "\n" + L(.accessReviewChanges) + "\n\n"
            if review.changes.isEmpty { out += L(.errNone) + "\n" }
            for change in review.changes {
                let right = change.detail.map { text(AccessText.rightWithOrigin($0)) } ?? change.right
                out += L(change.change == "lost" ? .accessChangeLost : .accessChangeGained, ["person": AccessText.person(change.login, names[change.login] ?? nil), "right": cell(right)]) + "\n"
            }
        }
        return out
    }

    /// CSV for machines and spreadsheets: identifiers, ISO days, the English `source`.
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
