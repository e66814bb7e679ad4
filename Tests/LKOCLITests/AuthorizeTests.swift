import Foundation
import Testing

@Suite("lko authorize", .serialized)
struct AuthorizeTests {
    func authorize(_ input: String, at date: String = "2026-03-02") throws -> RunResult {
        try lko(["authorize", "--policy", shippedPolicies, "--requests", "-", "--at", date], stdin: input)
    }

    @Test func answersInOrderEchoingCaseIDs() throws {
        let input = """
        {"user":"roads_specialist","action":"draft","case_id":"A-1","category":"roads","subcategory":"potholes","assignee":"roads_specialist"}
        {"user":"roads_specialist","action":"draft","case_id":42,"category":"roads","subcategory":"potholes","assignee":null}
        {"user":"head","action":"assign","case_id":-7.5e3,"subcategory":"roads.potholes.carriageway"}

           \t
        {"action":"view","user":"ookr_curator","case_id":"quote \\" and \\u0436","category":"social"}
        {"user":"finance_sysadmin","action":"manage_users","case_id":0}
        {"user":"nobody","action":"view","case_id":"x","category":"roads","subcategory":"potholes","assignee":"nobody"}
        {"user":"head","action":"view"}
        """
        let result = try authorize(input)
        #expect(result.status == 0)
        #expect(result.stdout == """
        {"case_id":"A-1","decision":"allow"}
        {"case_id":42,"decision":"deny"}
        {"case_id":-7.5e3,"decision":"allow"}
        {"case_id":"quote \\" and \\u0436","decision":"allow"}
        {"case_id":0,"decision":"allow"}
        {"case_id":"x","decision":"deny"}
        {"case_id":null,"decision":"allow"}

        """)
        #expect(result.stderr == "")
    }

    @Test func badLinesAreReportedAndGoodLinesStillAnswered() throws {
        let input = """
        {"user":"head","action":"view","case_id":1}
        not json
        {"user":"head","action":"fly","case_id":2}
        {"user":"head","action":"view","case_id":3,"subcategory":"roads.nowhere"}
        {"user":"head","action":"view","case_id":4

        {"action":"view","case_id":5}
        {"user":"head","action":"view","case_id":true}
        {"user":"head","action":"view","case_id":6}
        {"user":"head","action":"view","case_id":9,"category":"housing","subcategory":"roads.potholes"}
        """
        let result = try authorize(input + "\n")
        #expect(result.status == 1)
        var lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 9)
        // The category contradicts the subcategory's path: a bad line, not a decision on either.
        #expect(lines.popLast() == #"{"line":10,"error":"unknown category/subcategory \"housing\"/\"roads.potholes\""}"#)
        #expect(lines[0] == #"{"case_id":1,"decision":"allow"}"#)
        #expect(lines.last == #"{"case_id":6,"decision":"allow"}"#)
        let errors = lines.dropFirst().dropLast()
        #expect(errors.map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["line"] as? Int
        } == [2, 3, 4, 5, 7, 8])
        #expect(lines[2] == #"{"line":3,"error":"unknown action \"fly\""}"#)
        #expect(lines[5] == #"{"line":7,"error":"missing \"user\""}"#)
        #expect(result.stderr.contains("<stdin>:2: expected `{` at column 1"))
        #expect(result.stderr.contains("7 line(s) could not be decided"))
    }

    /// The summary on standard error is for people: Russian by default; standard output stays JSON.
    @Test func theSummaryOfBadLinesIsInTheReadersLanguage() throws {
        let input = "{\"user\":\"head\"}\nnot json\n"
        let russian = try lko(["authorize", "--policy", shippedPolicies, "--requests", "-", "--at", "2026-03-02"], stdin: input, environment: ["LKO_LANG": "ru"])
        #expect(russian.status == 1)
        #expect(russian.stderr.contains("строк без решения: 2"), "\(russian.stderr)")
        #expect(russian.stdout.split(separator: "\n").count == 2)
        let english = try lko(["authorize", "--policy", shippedPolicies, "--requests", "-", "--at", "2026-03-02"], stdin: input, environment: ["LKO_LANG": "en"])
        #expect(english.stderr.contains("2 line(s) could not be decided"))
        #expect(english.stdout == russian.stdout)
    }

    /// Values with escapes or non-ASCII text take the `String` path, plain ASCII values are
    /// looked up by their bytes: both must give the same answers and messages.
    @Test func escapedAndNonASCIIValuesAnswerLikePlainOnes() throws {
        let input = #"""
        {"us\u0065r":"h\u0065ad","action":"vi\u0065w","case_id":"e1"}
        {"user":"roads_specialist","action":"dr\u0061ft","case_id":"e2","category":"ro\u0061ds","subcategory":"potholes","assignee":"roads\u005fspecialist"}
        {"user":"roads_specialist","action":"draft","case_id":"e3","category":"roads","subcategory":"potholes","assignee":"roads_specialis"}
        {"user":"roads_specialist","action":"draft","case_id":"e4","category":"roads","subcategory":"roads.potholes","assignee":"roads_specialist"}
        {"user":"роман","action":"view","case_id":"e5"}
        {"user":"head","action":"view","case_id":"e6","category":"дороги"}
        {"user":"head","action":"\u0066ly","case_id":"e7"}
        {"user":"head","action":"view","case_id":"e8","note":"bad \q escape"}
        {"user":"nobody","user":"head","action":"view","case_id":"e9","case_id":"e10"}
        {"user":"head","action":"view","case_id":"e11","category":"roads","subcategory":"roads."}
        {"user":"head\u0301","action":"view","case_id":"e12"}
        {"user":"head","action":"view","case_id":"e13","category":"roads","subcategory":"potholes","us\u0065r":"nobody"}
        {"user":"head","action":"view","case_id":"e14","category":"roads.potholes"}
        """#
        let result = try authorize(input + "\n")
        #expect(result.status == 1)
        #expect(result.stdout == #"""
        {"case_id":"e1","decision":"allow"}
        {"case_id":"e2","decision":"allow"}
        {"case_id":"e3","decision":"deny"}
        {"case_id":"e4","decision":"allow"}
        {"case_id":"e5","decision":"deny"}
        {"line":6,"error":"unknown category/subcategory \"дороги\"/\"\""}
        {"line":7,"error":"unknown action \"fly\""}
        {"line":8,"error":"unknown escape `\\q`"}
        {"case_id":"e10","decision":"allow"}
        {"line":10,"error":"unknown category/subcategory \"roads\"/\"roads.\""}
        {"case_id":"e12","decision":"deny"}
        {"case_id":"e13","decision":"deny"}
        {"case_id":"e14","decision":"allow"}

        """#)
    }

    @Test func aFolderIsNotARequestsFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try lko(["authorize", "--policy", shippedPolicies, "--requests", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a folder"))
    }

    /// A number token is echoed as given, so only a valid JSON number may be accepted: anything
    /// else would make the answer line invalid JSON.
    @Test(arguments: ["1-2", "01", "1.", "-", "+1", "1e", ".5", "1..2", "2e+", "--1"])
    func malformedNumbersAreBadLines(token: String) throws {
        let result = try authorize(#"{"user":"head","action":"view","case_id":\#(token)}"# + "\n")
        #expect(result.status == 1)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        #expect(object?["line"] as? Int == 1, "answer was \(line)")
    }

    @Test(arguments: ["0", "-0", "12", "-3.25", "1e9", "1E-2", "6.02e+23"])
    func validNumbersAreEchoed(token: String) throws {
        let result = try authorize(#"{"user":"head","action":"view","case_id":\#(token)}"# + "\n")
        #expect(result.status == 0)
        #expect(result.stdout == #"{"case_id":\#(token),"decision":"allow"}"# + "\n")
    }

    @Test func answersEqualExplain() throws {
        let requests: [(user: String, action: String, subcategory: String?, assignee: String?, date: String)] = [
            ("roads_specialist", "draft", "roads.potholes", "roads_specialist", "2026-03-02"),
            ("roads_specialist", "draft", "housing.roof", "roads_specialist", "2026-03-02"),
            ("roads_deputy", "draft", "roads.signs", "roads_deputy", "2027-01-10"),
            ("roads_deputy", "draft", "roads.signs", "roads_deputy", "2027-01-11"),
            ("roads_deputy", "draft", "roads.signs", "roads_deputy", "2027-02-05"),
            ("roads_deputy", "draft", "roads.signs", "roads_deputy", "2027-02-06"),
            ("deputy_housing", "approve", "housing.roof", nil, "2026-03-02"),
            ("deputy_housing", "approve", "education.schools", nil, "2026-03-02"),
            ("finance_sysadmin", "manage_policy", nil, nil, "2026-03-02"),
            ("finance_sysadmin", "view", "other.other", nil, "2026-03-02"),
            ("ookr_curator", "approve", "health.medicines", "health_liaison", "2026-03-02"),
            ("stranger", "view", nil, nil, "2026-03-02"),
        ]
        for request in requests {
            var fields = [#""user":"\#(request.user)""#, #""action":"\#(request.action)""#, #""case_id":1"#]
            if let subcategory = request.subcategory { fields.append(#""subcategory":"\#(subcategory)""#) }
            fields.append(request.assignee.map { #""assignee":"\#($0)""# } ?? #""assignee":null"#)
            let answer = try authorize("{" + fields.joined(separator: ",") + "}\n", at: request.date)
            var arguments = ["explain", request.user, request.action, "--at", request.date, "--policy", shippedPolicies]
            if let subcategory = request.subcategory { arguments += ["--subcategory", subcategory] }
            if let assignee = request.assignee { arguments += ["--assignee", assignee] }
            let explained = try lko(arguments)
            let allowed = explained.status == 0
            #expect(explained.status == 0 || explained.status == 3)
            #expect(answer.stdout == #"{"case_id":1,"decision":"\#(allowed ? "allow" : "deny")"}"# + "\n", "\(request)")
        }
    }

    @Test func requestsFromAFileAndMissingFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "r.jsonl")
        try write("{\"user\":\"head\",\"action\":\"view\",\"case_id\":\"f\"}\r\n{\"user\":\"head\",\"action\":\"approve\",\"case_id\":\"g\",\"subcategory\":\"roads.signs\"}", to: file)
        let result = try lko(["authorize", "--policy", shippedPolicies, "--requests", file.path, "--at", "2026-03-02"])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"case_id\":\"f\",\"decision\":\"allow\"}\n{\"case_id\":\"g\",\"decision\":\"deny\"}\n")
        let missing = try lko(["authorize", "--policy", shippedPolicies, "--requests", folder.appending(path: "none.jsonl").path])
        #expect(missing.status == 1)
        #expect(try lko(["authorize", "--policy", shippedPolicies]).status == 2)
    }
}
