/// `lko fmt`: prints a parsed policy file in the one canonical layout.
///
/// Two-space indentation, one statement per line, one blank line between block declarations,
/// single blank lines inside blocks kept where the author put them, comments kept in place
/// (`//` comments become `#`). Inside auto-rules and fast-tracks the conditions come first, then
/// the term, then the target. The output parses to the same syntax tree as the input
/// (`parse(fmt(x)) == parse(x)`) and formatting is idempotent (`fmt(fmt(x)) == fmt(x)`).
public struct PolicyFormatter: Sendable {
    public var indentUnit = "  "

    public init() {}

    public func format(_ file: PolicyFile) -> String {
        var printer = Printer(indentUnit: indentUnit)
        var previous: Declaration?
        for declaration in file.declarations {
            if let previous {
                let grouped = isOneLiner(previous) && isOneLiner(declaration) && sameKind(previous, declaration)
                // A blank line before a grouped one-liner's comments is kept by the comments.
                let blankBefore = declaration.trivia.leading.isEmpty && declaration.trivia.blankLineBefore
                if !grouped || blankBefore { printer.blankLine() }
            }
            write(declaration, into: &printer)
            previous = declaration
        }
        if !file.trailingComments.isEmpty {
            if previous != nil { printer.blankLine() }
            printer.comments(file.trailingComments)
        }
        return printer.output
    }

    private func isOneLiner(_ declaration: Declaration) -> Bool {
        switch declaration {
        case .grant, .substitute, .accept: true
        case .category(let node): !node.hasBody
        default: false
        }
    }

    private func sameKind(_ lhs: Declaration, _ rhs: Declaration) -> Bool {
        switch (lhs, rhs) {
        case (.grant, .grant), (.category, .category), (.substitute, .substitute), (.accept, .accept): true
        default: false
        }
    }

    private func write(_ declaration: Declaration, into printer: inout Printer) {
        switch declaration {
        case .organization(let organization):
            printer.open("organization \(quote(organization.title.value))", organization.trivia)
            for setting in organization.settings {
                printer.statement(text(of: setting.kind), setting.trivia)
            }
            printer.close(organization.closingComments, organization.trivia)
        case .role(let role):
            printer.open("role \(role.id.name) \(quote(role.title.value))", role.trivia)
            for rule in role.rules {
                printer.statement("allow \(rule.actions.map(\.name).joined(separator: ", ")) on \(rule.scope.text)", rule.trivia)
            }
            printer.close(role.closingComments, role.trivia)
        case .category(let node):
            write(node, into: &printer)
        case .grant(let grant):
            var line = "grant \(grant.role.name) to \(grant.login.name)"
            if !grant.nodes.isEmpty { line += " on " + grant.nodes.map(\.description).joined(separator: ", ") }
            if let from = grant.from { line += " from \(from)" }
            if let until = grant.until { line += " until \(until)" }
            printer.statement(line, grant.trivia)
        case .autoRule(let rule), .fastTrack(let rule):
            write(rule, keyword: declaration.isFastTrack ? "fasttrack" : "autorule", into: &printer)
        case .test(let test):
            printer.open("test \(quote(test.name.value))", test.trivia)
            if let at = test.at { printer.statement("at \(at)", test.atTrivia) }
            for expectation in test.expectations {
                printer.statement(text(of: expectation.kind), expectation.trivia)
            }
            printer.close(test.closingComments, test.trivia)
        case .calendar(let calendar):
            printer.open("calendar", calendar.trivia)
            for entry in calendar.entries {
                let head: String
                switch entry.kind {
                case .year(let year): head = "year \(year.value)"
                case .dayOff(let date): head = "day_off \(date)"
                case .workday(let date): head = "workday \(date)"
                }
                printer.statement("\(head) \(quote(entry.source.value))", entry.trivia)
            }
            printer.close(calendar.closingComments, calendar.trivia)
        case .substitute(let substitute):
            var line = "substitute " + substitute.substitutes.map(\.name).joined(separator: ", ")
            line += " for " + (substitute.absentee?.name ?? "anyone")
            if !substitute.nodes.isEmpty { line += " on " + substitute.nodes.map(\.description).joined(separator: ", ") }
            if let kind = substitute.kind { line += " as \(kind.name)" }
            printer.statement(line, substitute.trivia)
        case .accept(let accept):
            let line = "accept \(accept.code.name) for " + accept.subjects.map(\.description).joined(separator: ", ") + " because \(quote(accept.reason.value))"
            printer.statement(line, accept.trivia)
        }
    }

    private func write(_ node: NodeDeclaration, into printer: inout Printer) {
        let head = "\(node.level.rawValue) \(node.id.name) \(quote(node.title.value))"
        guard node.hasBody else {
            printer.statement(head, node.trivia)
            return
        }
        printer.open(head, node.trivia)
        for item in node.items {
            switch item.kind {
            case .term(let regime, let term):
                printer.statement("term " + (regime.map { "\($0.name) " } ?? "") + text(of: term), item.trivia)
            case .accelerated:
                printer.statement("accelerated", item.trivia)
            case .child(let child):
                write(child, into: &printer)
            }
        }
        printer.close(node.closingComments, node.trivia)
    }

    private func write(_ rule: RuleDeclaration, keyword: String, into printer: inout Printer) {
        var head = "\(keyword) \(rule.id.name)"
        if let title = rule.title { head += " \(quote(title.value))" }
        if let priority = rule.priority { head += " priority \(priority.value)" }
        printer.open(head, rule.trivia)
        for condition in rule.conditions {
            let values = condition.values.map { value -> String in
                if case .text(let literal) = value { return quote(literal.value) }
                return value.text
            }
            printer.statement("when \(condition.field.rawValue) \(values.joined(separator: ", "))", condition.trivia)
        }
        if let term = rule.term { printer.statement("term \(text(of: term))", rule.termTrivia) }
        switch rule.target {
        case .login(let login): printer.statement("assign \(login.name)", rule.targetTrivia)
        case .coordinator: printer.statement("leave to coordinator", rule.targetTrivia)
        case nil: break
        }
        printer.close(rule.closingComments, rule.trivia)
    }

    private func text(of setting: OrganizationSetting.Kind) -> String {
        switch setting {
        case .timeZone(let zone): "timezone \(quote(zone.value))"
        case .term(let regime, let term): "term \(regime.name) \(text(of: term))"
        case .deadlineRule(let rule): "deadline \(rule.name)"
        case .designatedRole(let setting, let role): "\(setting.name) \(role.name)"
        }
    }

    private func text(of term: TermSyntax) -> String {
        "\(term.days.value) \(term.unit.rawValue) \(term.days.value == 1 ? "day" : "days")"
    }

    private func text(of expectation: Expectation.Kind) -> String {
        switch expectation {
        case .decision(let allow, let login, let action, let description):
            return "expect \(allow ? "allow" : "deny") \(login.name) \(action.name) \(text(of: description))"
        case .route(let description, let target, let via):
            var line = "expect route \(text(of: description)) to "
            switch target {
            case .login(let login): line += login.name
            case .coordinator: line += "coordinator"
            }
            if let via { line += " via \(via.kind.name) \(via.id.name)" }
            return line
        }
    }

    private func text(of description: CaseDescription) -> String {
        if description.fields.isEmpty { return "case {}" }
        let fields = description.fields.map { field -> String in
            if case .text(let literal) = field.value { return "\(field.key.name) \(quote(literal.value))" }
            return "\(field.key.name) \(field.value.text)"
        }
        return "case { \(fields.joined(separator: " ")) }"
    }

    private func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Declaration {
    var isFastTrack: Bool {
        if case .fastTrack = self { return true }
        return false
    }
}

/// Accumulates lines with indentation, comments and blank lines.
private struct Printer {
    let indentUnit: String
    var output = ""
    var depth = 0
    /// Whether the last line opened a block (no blank line right after `{`).
    var justOpened = true

    init(indentUnit: String) {
        self.indentUnit = indentUnit
    }

    mutating func line(_ text: String) {
        output += String(repeating: indentUnit, count: depth) + text + "\n"
    }

    mutating func blankLine() {
        if !output.isEmpty, !output.hasSuffix("\n\n") { output += "\n" }
    }

    mutating func comments(_ comments: [Comment]) {
        for (index, comment) in comments.enumerated() {
            if comment.blankLineBefore, index > 0 || !justOpened { blankLine() }
            line(render(comment))
        }
    }

    func render(_ comment: Comment) -> String {
        var text = comment.text
        // A `\r` left before trailing blanks would end the comment once they are gone, and the
        // lexer drops a comment's final `\r`: strip it here too so formatting is idempotent.
        while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
        return "#" + text
    }

    mutating func leading(_ trivia: Trivia) {
        // With leading comments, `blankLineBefore` is the blank line between the last comment and
        // the statement (a blank line before the comments is on the first comment): keep it there,
        // so a file's header comment stays apart from the first declaration.
        if trivia.leading.isEmpty {
            if depth > 0, trivia.blankLineBefore, !justOpened { blankLine() }
        } else {
            comments(trivia.leading)
            if trivia.blankLineBefore { blankLine() }
        }
        justOpened = false
    }

    mutating func statement(_ text: String, _ trivia: Trivia) {
        leading(trivia)
        line(text + (trivia.trailing.map { " " + render($0) } ?? ""))
    }

    mutating func open(_ head: String, _ trivia: Trivia) {
        leading(trivia)
        line(head + " {")
        depth += 1
        justOpened = true
    }

    mutating func close(_ closingComments: [Comment], _ trivia: Trivia) {
        comments(closingComments)
        depth -= 1
        line("}" + (trivia.trailing.map { " " + render($0) } ?? ""))
        justOpened = false
    }
}
