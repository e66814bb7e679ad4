/// The stable code of every diagnostic lko can emit.
///
/// Codes never change meaning once released; a retired code is never reused. `E` codes are
/// errors, `W` codes are lint warnings. Each is documented with an example and its fix in
/// `docs/diagnostics.md` (a test keeps that file and this list in step).
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Reading the text (E00xx).
    case invalidUTF8 = "E0001"
    case unexpectedCharacter = "E0002"
    case unterminatedString = "E0003"
    case invalidDate = "E0004"
    case invalidNumber = "E0005"
    case expectedToken = "E0010"
    case unknownDeclaration = "E0011"
    case unknownStatement = "E0012"
    case unclosedBlock = "E0013"
    case unreadableFile = "E0014"
    case emptyPolicy = "E0015"

    // Names (E01xx).
    case duplicateName = "E0101"
    case unknownRole = "E0102"
    case unknownAction = "E0103"
    case unknownNode = "E0104"
    case unknownScope = "E0105"
    case unknownRegime = "E0106"
    case unknownChannel = "E0107"
    case unknownSetting = "E0108"
    case wrongNodeLevel = "E0110"
    case duplicateOrganization = "E0111"
    case missingOrganization = "E0112"

    // Values (E02xx).
    case termOutOfRange = "E0201"
    case acceleratedTermTooLong = "E0202"
    case fastTrackTermTooLong = "E0203"
    case invalidValidity = "E0204"
    case adminActionNeedsAnyScope = "E0205"
    case duplicateCondition = "E0206"
    case priorityOutOfRange = "E0207"
    case invalidTimeZone = "E0208"
    case invalidCalendarEntry = "E0209"
    case invalidSubstitution = "E0210"
    case invalidAcceptance = "E0211"

    // Routing (E03xx).
    case targetNotExecutor = "E0301"
    case fastTrackWithoutMatch = "E0302"
    case missingTarget = "E0303"

    // Tests (E04xx).
    case invalidCaseDescription = "E0401"

    // Lint (W05xx).
    case shadowedRule = "W0501"
    case overlappingRules = "W0502"
    case coverageGap = "W0503"
    case expiredGrant = "W0504"
    case roleNeverGranted = "W0505"
    case separationOfDuties = "W0506"
    case emptyRole = "W0507"
    case substituteUnknown = "W0508"
    case scopeWithoutSubstitute = "W0509"
    case unusedAcceptance = "W0510"
    case disabledAccount = "W0511"

    public var defaultSeverity: Severity {
        rawValue.hasPrefix("W") ? .warning : .error
    }

    /// A short title, used in `docs/diagnostics.md` and `lko check --explain-code`.
    public var title: String {
        switch self {
        case .invalidUTF8: "file is not valid UTF-8"
        case .unexpectedCharacter: "unexpected character"
        case .unterminatedString: "unterminated string"
        case .invalidDate: "invalid date"
        case .invalidNumber: "invalid number"
        case .expectedToken: "unexpected token"
        case .unknownDeclaration: "unknown declaration"
        case .unknownStatement: "unknown statement in a block"
        case .unclosedBlock: "block is not closed"
        case .unreadableFile: "file cannot be read"
        case .emptyPolicy: "no policy files"
        case .duplicateName: "name declared twice"
        case .unknownRole: "unknown role"
        case .unknownAction: "unknown action"
        case .unknownNode: "unknown category, subcategory or fact"
        case .unknownScope: "unknown scope"
        case .unknownRegime: "unknown regime"
        case .unknownChannel: "unknown channel"
        case .unknownSetting: "unknown setting value"
        case .wrongNodeLevel: "node of the wrong level"
        case .duplicateOrganization: "organization declared twice"
        case .missingOrganization: "no organization declared"
        case .termOutOfRange: "term out of range"
        case .acceleratedTermTooLong: "accelerated term over 10 calendar days"
        case .fastTrackTermTooLong: "fast-track term longer than its category's"
        case .invalidValidity: "grant validity ends before it starts"
        case .adminActionNeedsAnyScope: "administrative action needs scope `any`"
        case .duplicateCondition: "condition given twice"
        case .priorityOutOfRange: "priority out of range"
        case .invalidTimeZone: "unknown time zone"
        case .invalidCalendarEntry: "invalid calendar entry"
        case .invalidSubstitution: "invalid substitute eligibility"
        case .invalidAcceptance: "invalid accepted finding"
        case .targetNotExecutor: "target is not an executor for what the rule matches"
        case .fastTrackWithoutMatch: "fast-track matches neither source nor subcategory"
        case .missingTarget: "rule has no target"
        case .invalidCaseDescription: "invalid case description"
        case .shadowedRule: "rule can never fire"
        case .overlappingRules: "rules of equal priority overlap"
        case .coverageGap: "subcategory without route or executor"
        case .expiredGrant: "grant already expired"
        case .roleNeverGranted: "role never granted"
        case .separationOfDuties: "one person may draft and approve"
        case .emptyRole: "role allows nothing"
        case .substituteUnknown: "substitute eligibility names nobody the policy knows"
        case .scopeWithoutSubstitute: "scope no eligible substitute covers"
        case .unusedAcceptance: "accepted finding matches nothing"
        case .disabledAccount: "policy names a disabled account"
        }
    }
}
