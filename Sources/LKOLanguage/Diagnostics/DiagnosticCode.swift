import LKOMessages

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

    /// The short title in both languages: the catalog's `diagTitle` + code (a test checks that
    /// every code has one). `lko check --format json` shows it in Russian.
    public var titleMessage: Message {
        Message(MessageKey(rawValue: "diagTitle" + rawValue) ?? .verbatim, ["text": .text(rawValue)])
    }

    /// The short English title, used in the headings of `docs/diagnostics.md`.
    public var title: String { titleMessage.render(.en) }
}
