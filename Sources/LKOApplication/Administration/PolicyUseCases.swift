import Foundation
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOMessages

/// A candidate policy sent by a client: its files, by path.
public struct PolicyFiles: Sendable, Equatable {
    public var files: [(path: String, text: String)]

    public init(files: [(path: String, text: String)]) {
        self.files = files
    }

    public static func == (lhs: PolicyFiles, rhs: PolicyFiles) -> Bool {
        lhs.files.map(\.path) == rhs.files.map(\.path) && lhs.files.map(\.text) == rhs.files.map(\.text)
    }

    static let maximumFiles = 200
    static let maximumBytes = 8 << 20

    func sources() throws -> SourceSet {
        guard !files.isEmpty else { throw AppError.invalid(.errPolicyFilesMissing, field: "files") }
        guard files.count <= Self.maximumFiles else { throw AppError.invalid(.errPolicyTooManyFiles, ["maximum": .text("\(Self.maximumFiles)")], field: "files") }
        guard files.reduce(0, { $0 + $1.text.utf8.count }) <= Self.maximumBytes else { throw AppError.invalid(.errPolicyTooLarge, field: "files") }
        for file in files {
            guard !file.path.isEmpty, file.path.count <= 200, file.path.hasSuffix(".lko"),
                  !file.path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw AppError.invalid(.errPolicyFileName, ["name": .text(String(file.path.prefix(60)))], field: "files")
            }
        }
        return SourceSet(files: files.map { SourceFile(path: $0.path, text: $0.text) })
    }
}

public struct PolicyVersionView: Sendable, Codable, Equatable {
    public var activation: Int64
    public var versionID: Int64
    public var version: String
    public var kind: String
    public var actor: String
    public var actorName: String
    public var at: String
    public var atText: String
    public var message: String
    public var isActive: Bool
    /// The git commit the applied policy came from, and whether the tree was clean.
    public var gitCommit: String? = nil
    public var gitClean: Bool? = nil

    enum CodingKeys: String, CodingKey {
        case gitCommit = "git_commit"
        case gitClean = "git_clean"
        case activation
        case versionID = "version_id"
        case version, kind, actor
        case actorName = "actor_name"
        case at
        case atText = "at_text"
        case message
        case isActive = "is_active"
    }
}

/// The change report of a candidate against the active policy, as `lko diff` prints it.
public struct PolicyReview: Sendable, Codable, Equatable {
    public var markdown: String
    public var diff: PolicyDiff?
    /// Errors that keep the candidate from being applied at all.
    public var errors: [String]
    public var hasRisks: Bool

    enum CodingKeys: String, CodingKey {
        case markdown, diff, errors
        case hasRisks = "has_risks"
    }
}

public struct ApplyResult: Sendable, Codable, Equatable {
    public var version: String
    public var changed: Bool
    /// In Russian: what the API and the console show.
    public var warnings: [String]
    /// The warnings from the catalog (the CLI prints them in the reader's language); empty when
    /// the result came over the API.
    public var warningTexts: [Message] = []

    enum CodingKeys: String, CodingKey {
        case version, changed, warnings
    }

    public init(version: String, changed: Bool, warnings: [Message]) {
        self.version = version
        self.changed = changed
        self.warnings = warnings.map { $0.render(.ru) }
        warningTexts = warnings
    }

    /// The warnings in a language (Russian when they came over the API).
    public func warnings(in language: Language) -> [String] {
        warningTexts.count == warnings.count ? warningTexts.map { $0.render(language) } : warnings
    }
}

extension LKOService {
    public func policyVersions(_ caller: Caller) throws -> [PolicyVersionView] {
        try run {
            try store.authorize(caller.account, .managePolicy)
            let names = try store.read { try PersonNames.load($0) }
            return try store.history().map { entry in
                PolicyVersionView(activation: entry.activation, versionID: entry.versionID, version: entry.version, kind: entry.kind, actor: entry.actor,
                                  actorName: names.name(entry.actor), at: entry.at, atText: RussianText.time(stored: entry.at, zone: timeZone),
                                  message: entry.message, isActive: entry.isActive, gitCommit: entry.gitCommit, gitClean: entry.gitClean)
            }
        }
    }

    /// The change report of a candidate (`manage_policy` first: a refusal reveals nothing the
    /// report would have computed). Its labels, errors and Markdown are in `language`: Russian
    /// for the API and the console, the reader's for the CLI over the local file.
    public func reviewPolicy(_ caller: Caller, _ candidate: PolicyFiles, language: Language = .ru) throws -> PolicyReview {
        try run {
            try store.authorize(caller.account, .managePolicy)
            let sources = try candidate.sources()
            let day = store.today()
            let options = CompileOptions(lintDate: day, lint: false)
            let new = PolicyCompiler.compile(sources, options: options)
            if new.hasErrors {
                let rendered = DiagnosticRenderer(sources: new.sources, language: language).render(new.diagnostics.filter { $0.severity == .error })
                return PolicyReview(markdown: "", diff: nil, errors: rendered.components(separatedBy: "\n").filter { !$0.isEmpty }, hasRisks: false)
            }
            guard try store.activePolicy() != nil else {
                return PolicyReview(markdown: Message(.reviewNoActivePolicy).render(language), diff: nil, errors: [], hasRisks: false)
            }
            let stored = try store.storedVersion(nil)
            let old = PolicyCompiler.compile(SourceSet(files: stored.files.map { SourceFile(path: $0.path, text: $0.text) }), options: options)
            let held = try store.openCaseHolders().map { DiffInput.HeldCase(posNumber: $0.posNumber, node: $0.node, assignee: $0.assignee) }
            let diff = try PolicyDiff.compute(DiffInput(oldLabel: Message(.reviewLabelActive, ["id": .text("\(stored.id)")]).render(language), old: old,
                                                          newLabel: Message(.reviewLabelCandidate).render(language), new: new, at: day, heldCases: held))
            return PolicyReview(markdown: DiffRenderer(language: language).render(diff, format: .markdown), diff: diff, errors: [], hasRisks: !diff.risks.isEmpty)
        }
    }

    /// Applies a candidate. When its change report has risks (escalation, lockout, lost access)
    /// the caller must confirm them explicitly.
    public func applyPolicy(_ caller: Caller, _ candidate: PolicyFiles, message: String, confirmRisks: Bool, provenance: PolicyProvenance? = nil) throws -> ApplyResult {
        try run {
            let review = try reviewPolicy(caller, candidate)
            if review.hasRisks, !confirmRisks {
                throw AppError(.conflict, code: "risks_unconfirmed", Message(.errRisksUnconfirmed), field: "confirm_risks",
                               details: review.diff?.risks.map { "[\($0.kindTitle)] \($0.message)" } ?? [])
            }
            guard message.count <= 1000 else { throw AppError.invalid(.errCommentTooLong, ["maximum": "1000"], field: "message") }
            switch try store.apply(try candidate.sources(), message: message, by: caller.account, provenance: provenance) {
            case .unchanged(let version): return ApplyResult(version: version, changed: false, warnings: [])
            case .applied(let version, _, let warnings): return ApplyResult(version: version, changed: true, warnings: warnings)
            }
        }
    }

    public func rollbackPolicy(_ caller: Caller, to reference: String?, message: String) throws -> ApplyResult {
        try run {
            let (version, _) = try store.rollback(to: reference, message: message, by: caller.account)
            return ApplyResult(version: version, changed: true, warnings: [])
        }
    }
}
