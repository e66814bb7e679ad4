import Testing
@testable import LKOCompiler
@testable import LKOLanguage

/// The line (in `header + body`) of the first line of `body` that contains `needle`.
func line(of needle: String, in body: String) -> Int {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { return -1 }
    return headerLines + index + 1
}

/// Lint findings of `header + body` (no errors allowed).
func lint(_ body: String, lintDate: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Finding] {
    let compilation = compile(header + body, lintDate: lintDate)
    let errors = findings(compilation).filter { $0.code.hasPrefix("E") }
    #expect(errors.isEmpty, "unexpected errors \(errors)", sourceLocation: sourceLocation)
    return warnings(compilation)
}

let twoSubcategories = """
category c "C" {
  subcategory s "S"
  subcategory t "T"
}
grant executor to x on c
grant executor to y on c

"""

@Suite("Lint: exact match-space algebra")
struct LintTests {
    // MARK: W0501 shadowed rules

    static let unionShadow = twoSubcategories + """
    autorule a1 priority 1 {
      when subcategory c.s
      when regime appeal
      assign x
    }
    autorule a2 priority 2 {
      when subcategory c.s
      when regime message
      when channel widget
      assign x
    }
    autorule a3 priority 3 {
      when subcategory c.s
      when channel epgu_account, mobile_app
      assign x
    }
    autorule late priority 9 {
      when subcategory c.s
      assign y
    }
    """

    @Test func shadowedOnlyByTheUnionOfThreeEarlierRules() throws {
        let body = LintTests.unionShadow
        #expect(lint(body) == [F("W0501", line(of: "autorule late", in: body))])
        let compilation = compile(header + body)
        let diagnostic = try #require(compilation.diagnostics.first { $0.code == .shadowedRule })
        #expect(diagnostic.notes.map(\.message) == ["taken by auto-rule `a1`", "taken by auto-rule `a2`", "taken by auto-rule `a3`"])
    }

    @Test(arguments: [
        // One channel of one regime escapes.
        ("when channel epgu_account, mobile_app", "when channel epgu_account"),
        // One regime of one channel escapes.
        ("  when regime message\n  when channel widget", "  when regime message\n  when channel widget, mobile_app\n  when locality \"Z\""),
        // The later rule reaches a subcategory none of the earlier ones does.
        ("autorule late priority 9 {\n  when subcategory c.s", "autorule late priority 9 {\n  when category c"),
    ])
    func notShadowedWhenOnePointEscapes(old: String, new: String) {
        #expect(LintTests.unionShadow.contains(old))
        let body = LintTests.unionShadow.replacingOccurrences(of: old, with: new)
        #expect(lint(body).filter { $0.code == "W0501" } == [])
    }

    @Test func localityAnyOtherValueEscapes() {
        let body = twoSubcategories + """
        autorule l1 priority 1 {
          when subcategory c.s
          when locality "A"
          assign x
        }
        autorule l2 priority 2 {
          when subcategory c.s
          when locality "B"
          assign x
        }
        autorule l3 priority 3 {
          when subcategory c.s
          when locality "A", "B"
          assign y
        }
        autorule l4 priority 4 {
          when subcategory c.s
          assign y
        }
        """
        // l3 is covered by l1 ∪ l2; l4 still takes every other locality (and cases without one).
        #expect(lint(body) == [F("W0501", line(of: "autorule l3", in: body))])
    }

    @Test func sourceAnyOtherValueEscapesAndFastTracksComeFirst() {
        let body = twoSubcategories + """
        fasttrack f1 priority 50 {
          when source S1, S2
          when subcategory c.t
          term 5 calendar days
          assign x
        }
        autorule s1 priority 1 {
          when subcategory c.t
          when source S1
          assign y
        }
        autorule s2 priority 2 {
          when subcategory c.t
          when source S2, S3
          assign y
        }
        autorule s3 priority 3 {
          when subcategory c.t
          when source S3
          assign x
        }
        autorule s4 priority 4 {
          when subcategory c.t
          assign x
        }
        """
        // s1 is taken by the fast-track despite its lower priority number; s2 keeps S3; s3 is
        // then shadowed by s2; s4 keeps every other source.
        #expect(lint(body) == [
            F("W0501", line(of: "autorule s1", in: body)),
            F("W0501", line(of: "autorule s3", in: body)),
        ])
    }

    @Test func subcategoryPointEscapesItsFacts() {
        let body = """
        category c "C" {
          subcategory s "S" {
            fact f1 "F1"
            fact f2 "F2"
          }
        }
        grant executor to x on c
        autorule f1 priority 1 {
          when fact c.s.f1
          assign x
        }
        autorule f2 priority 2 {
          when fact c.s.f2
          assign x
        }
        autorule sub priority 3 {
          when subcategory c.s
          assign x
        }
        autorule cat priority 4 {
          when category c
          assign x
        }
        """
        // `sub` still takes cases filed on c.s without a fact; `cat` then has nothing left.
        #expect(lint(body) == [F("W0501", line(of: "autorule cat", in: body))])
    }

    // MARK: W0502 overlapping rules

    @Test func overlapOnlyAtEqualPriorityWithDifferentTargets() {
        let body = twoSubcategories + """
        autorule o1 priority 5 {
          when subcategory c.s
          when regime appeal
          assign x
        }
        autorule o2 priority 5 {
          when category c
          when channel widget
          leave to coordinator
        }
        autorule o3 priority 5 {
          when subcategory c.t
          assign x
        }
        autorule o5 priority 5 {
          when subcategory c.s
          when regime message
          when channel mobile_app
          assign y
        }
        autorule o4 priority 6 {
          when category c
          when channel widget
          assign y
        }
        autorule o6 priority 5 {
          when subcategory c.t
          when channel epgu_account
          assign x
        }
        """
        // o1/o2 overlap on (c.s, appeal, widget); o2/o3 on (c.t, widget). o1/o3 and o3/o6 share
        // a target; o5 is disjoint from each in a different dimension; o4 has another priority
        // (and is shadowed by o2). o2/o6 are disjoint by channel; o1/o6 by node.
        #expect(lint(body) == [
            F("W0502", line(of: "autorule o2", in: body)),
            F("W0502", line(of: "autorule o3", in: body)),
            F("W0501", line(of: "autorule o4", in: body)),
            F("W0501", line(of: "autorule o6", in: body)),
        ])
    }

    // MARK: W0503 coverage gaps and W0504 expired grants

    static let coverage = """
    category c "C" {
      subcategory s "S"
      subcategory t "T"
      subcategory u "U"
      subcategory v "V"
    }
    category d "D" {
      subcategory a "A"
    }
    grant executor to x on c.s
    grant executor to y on c.t, c.u until 2026-03-01
    grant executor to z on d
    autorule rt priority 1 {
      when subcategory c.t
      assign y
    }
    autorule rv priority 2 {
      when subcategory c.v
      leave to coordinator
    }
    """

    @Test func coverageGapsAndExpiredGrantsAfterTheLastDay() {
        let body = LintTests.coverage
        #expect(lint(body, lintDate: "2026-03-02") == [
            F("W0503", line(of: "subcategory u", in: body)),
            F("W0503", line(of: "subcategory v", in: body)),
            F("W0504", line(of: "grant executor to y", in: body)),
        ])
    }

    @Test func onTheLastDayTheGrantStillCovers() {
        let body = LintTests.coverage
        #expect(lint(body, lintDate: "2026-03-01") == [F("W0503", line(of: "subcategory v", in: body))])
        #expect(lint(body) == [F("W0503", line(of: "subcategory v", in: body))])
    }

    // MARK: W0505, W0507 roles

    @Test func unusedAndEmptyRoles() {
        let body = """
        category c "C"
        grant executor to x on c
        role ghost "G" {
        }
        role unused "U" {
          allow view on any
        }
        """
        #expect(lint(body) == [
            F("W0505", line(of: "role ghost", in: body)),
            F("W0507", line(of: "role ghost", in: body)),
            F("W0505", line(of: "role unused", in: body)),
        ])
    }

    // MARK: W0506 separation of duties

    @Test func separationOfDutiesNeedsSharedNodesAndOverlappingValidity() {
        let body = """
        role manager "M" {
          allow approve, view on granted
        }
        category c "C" {
          subcategory s "S"
          subcategory t "T"
        }
        grant executor to x on c.s
        grant manager to x on c.t
        grant executor to w on c.s from 2026-01-01 until 2026-01-31
        grant manager to w on c.s from 2026-02-01
        grant executor to v on c.s until 2026-02-01
        grant manager to v on c from 2026-02-01
        grant executor to q on c.t
        """
        #expect(lint(body) == [F("W0506", line(of: "grant manager to v", in: body))])
    }

    @Test func oneRoleThatDraftsAndApprovesAnywhere() throws {
        let body = """
        role solo "S" {
          allow draft, approve on assigned
        }
        category c "C"
        grant executor to x on c
        grant solo to x on c
        """
        let compilation = compile(header + body)
        #expect(warnings(compilation) == [F("W0506", line(of: "grant solo", in: body))])
        let diagnostic = try #require(compilation.diagnostics.first { $0.code == .separationOfDuties })
        #expect(diagnostic.message == "`x` may both draft and approve answers in `c`")
    }

    @Test func shippedPolicyLintsClean() throws {
        let compilation = try shippedCompilation()
        #expect(findings(compilation) == [])
    }
}
