import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// Each fixture pair (`Fixtures/<pair>/old`, `…/new`) changes one thing; the tests pin the whole
/// structured report, field by field.
@Suite struct NoEffectiveChangeTests {
    @Test func reformattingCommentsAndReorderingChangeNothing() throws {
        // One file instead of four, declarations in reverse order, comments, `//`, one-line blocks,
        // a role's actions spread over two lines.
        let diff = try diffPair("reformat")
        #expect(diff.old.version == diff.new.version)
        #expect(diff.old.version.hasPrefix("sha256:"))
        #expect(!diff.hasEffectiveChange)
        #expect(diff == PolicyDiff(old: diff.old, new: diff.new))
        #expect(DiffRenderer().summary(diff) == "нет изменений по существу")
        #expect(DiffRenderer().render(diff, format: .text).contains("\nнет изменений по существу\n"))
        #expect(DiffRenderer().render(diff, format: .markdown).hasPrefix("### Изменение политики: нет изменений по существу\n"))
        #expect(DiffRenderer(language: .en).summary(diff) == "no effective change")
        #expect(DiffRenderer(language: .en).render(diff, format: .text).contains("\nno effective change\n"))
        #expect(DiffRenderer(language: .en).render(diff, format: .markdown).hasPrefix("### Policy change: no effective change\n"))
    }

    @Test func splittingGrantsOverTheSameNodesAndDaysChangesNoAccess() throws {
        // `on roads, improvement` split into two grants; a deputy's period split at 2027-01-20/21.
        let diff = try diffPair("grant-split")
        #expect(diff.old.version != diff.new.version, "the grant tables differ, so must the versions")
        #expect(diff.access == [])
        #expect(diff.roles == [])
        #expect(diff.tree == [])
        #expect(diff.routing == [])
        #expect(diff.findingsIntroduced == [] && diff.findingsResolved == [])
        #expect(diff.risks == [])
        #expect(!diff.hasEffectiveChange)
        #expect(DiffRenderer(language: .en).summary(diff) == "no effective change")
    }

    @Test func reorderingRenamingAndRepriorizingRulesWithTheSameOutcomeChangesNoRouting() throws {
        // Rules renamed, declared in another order, priorities changed and one rule split into
        // two per subcategory: every point of the match space is routed the same way.
        let diff = try diffPair("routing-reorder")
        #expect(diff.old.version != diff.new.version)
        #expect(diff.routing == [])
        #expect(diff.findingsIntroduced == [] && diff.findingsResolved == [])
        #expect(!diff.hasEffectiveChange)
    }

    @Test func aPolicyAgainstItselfIsEmpty() throws {
        let side = try compileSide("until-earlier", "old")
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: "a", old: side, newLabel: "b", new: side, at: reviewDay))
        #expect(diff == PolicyDiff(old: .init(label: "a", version: side.policy!.version), new: .init(label: "b", version: side.policy!.version)))
    }
}

@Suite struct AccessChangeTests {
    @Test func movingUntilEarlierLosesExactlyTheDaysCut() throws {
        // until 2027-02-05 → until 2027-01-31: 2027-02-01 … 2027-02-05 lost, nothing else.
        let diff = try diffPair("until-earlier")
        #expect(diff.access == access("roads_deputy", "lost", ["view", "draft", "submit"], "assigned and granted", ["roads"], from: "2027-02-01", until: "2027-02-05", cause: "old/grants.lko:7:1"))
        #expect(diff.roles == [] && diff.tree == [] && diff.routing == [])
        #expect(diff.risks == [])
        #expect(diff.hasEffectiveChange)
        #expect(DiffRenderer(language: .en).summary(diff) == "1 login: +0 −3 permissions")
        #expect(DiffRenderer().summary(diff) == "1 логин: разрешения +0 −3")
        #expect(DiffRenderer().render(diff, format: .text).contains("    - `view on assigned and granted` в roads с 01.02.2027 по 05.02.2027  (old/grants.lko:7:1)\n"))
        #expect(DiffRenderer(language: .en).render(diff, format: .text).contains("    - `view on assigned and granted` in roads from 01.02.2027 until 05.02.2027  (old/grants.lko:7:1)\n"))
    }

    @Test func widenedGrantGainsTheNewCategoryFoldedToItsTop() throws {
        // on roads → on roads, improvement: the category stands for its subcategories.
        let diff = try diffPair("grant-widened")
        #expect(diff.access == access("roads_specialist", "gained", ["view", "draft", "submit"], "assigned and granted", ["improvement"], cause: "new/grants.lko:4:1"))
        #expect(diff.risks == [], "view, draft and submit are not privileged")
        #expect(diff.roles == [] && diff.tree == [] && diff.routing == [])
    }

    @Test func removingTheOnlyAdministratorIsALockout() throws {
        let diff = try diffPair("lockout")
        #expect(diff.access == access("sysadmin", "lost", ["manage_users", "manage_policy"], "any", ["*"], cause: "old/grants.lko:2:1"))
        #expect(diff.findingsIntroduced == [Finding(code: "W0505", message: "role `admin` is never granted")])
        #expect(diff.risks == [Risk(kind: "lockout")])
        #expect(diff.risks.first?.message == "по новой политике ни один логин не может `manage_policy`: изменить её больше никто не сможет")
    }

    @Test func noLockoutWhenNobodyCouldManageThePolicyBeforeEither() throws {
        // Both sides lack an administrator; an unrelated grant is added.
        let before = try compileSide("lockout", "new")
        let files = before.sources.files + [SourceFile(path: "new/extra.lko", text: "grant executor to roads_trainee on roads.signs\n")]
        let after = PolicyCompiler.compile(SourceSet(files: files), options: CompileOptions(lintDate: reviewDay, lint: false))
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: "old", old: before, newLabel: "new", new: after, at: reviewDay))
        #expect(diff.access.map(\.login) == ["roads_trainee", "roads_trainee", "roads_trainee"])
        #expect(diff.risks == [])
    }

    @Test func anAdministratorWhoseGrantEndsBeforeTheReviewDayIsALockout() throws {
        let before = try compileSide("lockout", "old")
        let files = try compileSide("lockout", "new").sources.files + [SourceFile(path: "new/extra.lko", text: "grant admin to sysadmin until 2026-03-01\n")]
        let after = PolicyCompiler.compile(SourceSet(files: files), options: CompileOptions(lintDate: reviewDay, lint: false))
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: "old", old: before, newLabel: "new", new: after, at: reviewDay))
        #expect(diff.risks.map(\.kind) == ["lockout"])
        #expect(diff.access.first == access("sysadmin", "lost", "manage_users", "any", ["*"], from: "2026-03-02", cause: "old/grants.lko:2:1"))
    }

    @Test func heldCasesFlagPeopleLosingAccessToWhatTheyHold() throws {
        // On 2027-02-03 the deputy still holds a pothole case, but the new policy ends the
        // substitution on 2027-01-31; roads_specialist's case is unaffected; a case on a node
        // missing from the old tree is ignored.
        let held = [
            DiffInput.HeldCase(posNumber: "POS-1", node: "roads.potholes", assignee: "roads_deputy"),
            DiffInput.HeldCase(posNumber: "POS-2", node: "roads.signs", assignee: "roads_specialist"),
            DiffInput.HeldCase(posNumber: "POS-3", node: "nowhere.at_all", assignee: "roads_deputy"),
        ]
        let diff = try diffPair("until-earlier", at: try #require(CalendarDate(iso: "2027-02-03")), heldCases: held)
        #expect(diff.risks == [Risk(kind: "lost_access", actions: ["view"], login: "roads_deputy", caseNumber: "POS-1", node: "roads.potholes")])
        #expect(diff.risks.first?.message == "roads_deputy ведёт сообщение или обращение POS-1 (roads.potholes), но теряет на нём `view`")
        #expect(DiffRenderer(language: .en).riskText(diff.risks[0]) == "roads_deputy holds case POS-1 (roads.potholes) but loses `view` on it")
        // Before the cut takes effect nothing is lost yet.
        let before = try diffPair("until-earlier", at: try #require(CalendarDate(iso: "2027-01-31")), heldCases: held)
        #expect(before.risks == [])
    }

    @Test func aHeldCaseOnARemovedNodeIsLost() throws {
        let held = [DiffInput.HeldCase(posNumber: "POS-7", node: "improvement.yards", assignee: "improvement_specialist")]
        let diff = try diffPair("tree-structure", heldCases: held)
        #expect(diff.risks.filter { $0.kind == "lost_access" } == [Risk(kind: "lost_access", actions: ["view"], login: "improvement_specialist", caseNumber: "POS-7", node: "improvement.yards")])
    }
}

@Suite struct RoleChangeTests {
    @Test func roleGainingApproveEscalatesEveryHolder() throws {
        let diff = try diffPair("role-approve")
        #expect(diff.roles == [PolicyDiff.RoleChange(role: "executor", change: "changed", title: "Исполнитель", added: ["approve on assigned and granted"], removed: [], holders: 4, position: "new/org.lko:9:1")])
        let cause = "new/org.lko:9:1"
        func byRole(_ change: Access) -> Access { var change = change; change.causeRole = "executor"; return change }
        let gained = [
            access("improvement_specialist", "gained", "approve", "assigned and granted", ["improvement"], cause: cause),
            access("lukovnikovo_territorial", "gained", "approve", "assigned and granted", ["improvement"], cause: cause),
            access("roads_deputy", "gained", "approve", "assigned and granted", ["roads"], from: "2027-01-11", until: "2027-02-05", cause: cause),
            access("roads_specialist", "gained", "approve", "assigned and granted", ["roads"], cause: cause),
        ].map(byRole)
        #expect(diff.access == gained)
        #expect(diff.risks == gained.map { Risk(kind: "escalation", access: $0) })
        #expect(diff.risks[2].message == "roads_deputy получает `approve on assigned and granted` в roads с 11.01.2027 по 05.02.2027 (изменение роли `executor`, new/org.lko:9:1)")
        #expect(DiffRenderer(language: .en).riskText(diff.risks[2]) == "roads_deputy gains `approve on assigned and granted` in roads from 11.01.2027 until 05.02.2027 (role change: `executor`, new/org.lko:9:1)")
        #expect(diff.hasEscalation && !diff.hasCoverageRisk)
        #expect(diff.findingsIntroduced.map(\.code) == ["W0506", "W0506", "W0506", "W0506"])
        #expect(diff.findingsIntroduced.first?.message == "`improvement_specialist` may both draft and approve answers in `improvement.lighting` and 1 more")
    }

    @Test func roleLosingAnActionNamesTheRoleAsCause() throws {
        // The same pair read backwards: the grants did not change, the role did.
        let old = try compileSide("role-approve", "new")
        let new = try compileSide("role-approve", "old")
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: "new", old: old, newLabel: "old", new: new, at: reviewDay))
        #expect(diff.access.map(\.cause) == Array(repeating: "new/org.lko:9:1", count: 4))
        #expect(diff.access.map(\.causeRole) == Array(repeating: "executor", count: 4))
        #expect(diff.access.map(\.change) == ["lost", "lost", "lost", "lost"])
        #expect(diff.roles.map(\.removed) == [["approve on assigned and granted"]])
        #expect(diff.risks == [])
    }
}

@Suite struct TreeChangeTests {
    @Test func addedRemovedRenamedAndMovedNodes() throws {
        // roads.signs moves under improvement (same id and title), improvement.parks is new,
        // improvement.yards is gone, improvement.lighting gets a new title.
        let diff = try diffPair("tree-structure")
        #expect(diff.tree == [
            Tree(kind: "added", node: "improvement.parks", title: "Парки и скверы"),
            Tree(kind: "moved", node: "improvement.signs", title: "Дорожные знаки", from: "roads.signs"),
            Tree(kind: "removed", node: "improvement.yards", title: "Дворовые территории"),
            Tree(kind: "renamed", node: "improvement.lighting", title: "Освещение улиц и дворов", oldTitle: "Уличное освещение"),
        ])
        #expect(diff.tree.map(\.detail) == ["«Парки и скверы»", "перемещено из roads.signs", "«Дворовые территории»", "«Уличное освещение» → «Освещение улиц и дворов»"])
        #expect(diff.tree.map { DiffRenderer(language: .en).treeDetail($0) } == ["«Парки и скверы»", "moved from roads.signs", "«Дворовые территории»", "«Уличное освещение» → «Освещение улиц и дворов»"])
        // Access follows the paths: the specialists of improvement gain the new nodes and lose yards.
        #expect(diff.access.filter { $0.login == "improvement_specialist" } ==
            access("improvement_specialist", "gained", ["view", "draft", "submit"], "assigned and granted", ["improvement.parks", "improvement.signs"], cause: "new/grants.lko:5:1")
            + access("improvement_specialist", "lost", ["view", "draft", "submit"], "assigned and granted", ["improvement.yards"], cause: "old/grants.lko:5:1"))
        #expect(diff.access.filter { $0.login == "roads_specialist" } ==
            access("roads_specialist", "lost", ["view", "draft", "submit"], "assigned and granted", ["roads.signs"], cause: "old/grants.lko:4:1"))
        #expect(diff.routing.contains(Route(cases: "roads.signs", old: "roads_specialist (auto-rule road_defects, 30 calendar days)", new: "not in the tree", points: 12)))
        #expect(diff.risks.map(\.kind) == ["escalation", "escalation"], "deputy approves and returns in the new nodes")
    }

    @Test func termAndAccelerationChanges() throws {
        let diff = try diffPair("tree-terms")
        #expect(diff.tree == [
            Tree(kind: "term", node: "improvement.lighting", regime: "appeal", oldTerm: .init(days: 30, unit: .calendar), newTerm: .init(days: 10, unit: .calendar)),
            Tree(kind: "term", node: "improvement.lighting", regime: "message", oldTerm: .init(days: 30, unit: .calendar), newTerm: .init(days: 10, unit: .calendar)),
            Tree(kind: "accelerated", node: "improvement.lighting", accelerated: true),
            Tree(kind: "term", node: "improvement.yards", regime: "message", oldTerm: .init(days: 30, unit: .calendar), newTerm: .init(days: 20, unit: .working)),
            Tree(kind: "accelerated", node: "roads.potholes", accelerated: false),
        ])
        #expect(diff.tree.map(\.detail) == [
            "срок обращения: 30 календарных дней → 10 календарных дней",
            "срок сообщения: 30 календарных дней → 10 календарных дней",
            "теперь ускоренное рассмотрение",
            "срок сообщения: 30 календарных дней → 20 рабочих дней",
            "больше не ускоренное рассмотрение",
        ])
        #expect(diff.tree.map { DiffRenderer(language: .en).treeDetail($0) } == [
            "appeal term 30 calendar days → 10 calendar days",
            "message term 30 calendar days → 10 calendar days",
            "now accelerated",
            "message term 30 calendar days → 20 working days",
            "no longer accelerated",
        ])
        // The routed term follows; the message regime only for yards.
        #expect(diff.routing == [
            Route(cases: "improvement.lighting, locality any other", old: "improvement_specialist (auto-rule improvement, 30 calendar days)", new: "improvement_specialist (auto-rule improvement, 10 calendar days)", points: 6),
            Route(cases: "improvement.lighting, locality Луковниково", old: "lukovnikovo_territorial (auto-rule lukovnikovo, 30 calendar days)", new: "lukovnikovo_territorial (auto-rule lukovnikovo, 10 calendar days)", points: 6),
            Route(cases: "improvement.yards, regime message, locality any other", old: "improvement_specialist (auto-rule improvement, 30 calendar days)", new: "improvement_specialist (auto-rule improvement, 20 working days)", points: 3),
            Route(cases: "improvement.yards, regime message, locality Луковниково", old: "lukovnikovo_territorial (auto-rule lukovnikovo, 30 calendar days)", new: "lukovnikovo_territorial (auto-rule lukovnikovo, 20 working days)", points: 3),
        ])
        #expect(diff.access == [] && diff.roles == [] && diff.risks == [])
    }
}

@Suite struct RoutingChangeTests {
    @Test func aPriorityChangeThatChangesAnOutcomeReportsExactlyTheseCases() throws {
        // lukovnikovo 20 → 40 puts it after `improvement` (30): Луковниково's cases now go to
        // the improvement specialist, on every regime and channel; nothing else moves.
        let diff = try diffPair("routing-priority")
        #expect(diff.routing == [
            Route(cases: "improvement.lighting, improvement.yards, locality Луковниково",
                  old: "lukovnikovo_territorial (auto-rule lukovnikovo, 30 calendar days)",
                  new: "improvement_specialist (auto-rule improvement, 30 calendar days)", points: 12),
        ])
        #expect(diff.findingsIntroduced == [Finding(code: "W0501", message: "auto-rule `lukovnikovo` can never fire")])
        #expect(diff.access == [] && diff.tree == [] && diff.risks == [])
    }

    @Test func aRemovedRuleSendsTheSubcategoriesToTheCoordinator() throws {
        let diff = try diffPair("routing-removed")
        #expect(diff.routing == [
            Route(cases: "roads.potholes", old: "roads_specialist (auto-rule road_defects, 10 calendar days)", new: "coordinator (no rule, 10 calendar days)", points: 12),
            Route(cases: "roads.signs", old: "roads_specialist (auto-rule road_defects, 30 calendar days)", new: "coordinator (no rule, 30 calendar days)", points: 12),
        ])
        // roads_specialist still holds an executor grant on roads: no coverage gap.
        #expect(diff.findingsIntroduced == [] && diff.risks == [])
        #expect(DiffRenderer(language: .en).summary(diff) == "routing changes: 2")
        #expect(DiffRenderer().summary(diff) == "изменений маршрутизации: 2")
        #expect(DiffRenderer().render(diff, format: .text).contains("  roads.potholes: roads_specialist (автоправило `road_defects`, 10 календарных дней) → Координатор (без правила, 10 календарных дней)\n"))
        #expect(DiffRenderer(language: .en).render(diff, format: .text).contains("  roads.potholes: roads_specialist (auto-rule `road_defects`, 10 calendar days) → coordinator (no rule, 10 calendar days)\n"))
    }

    @Test func sourceDimensionIsNamedWhenOnlySomeSourcesChange() throws {
        let text = """
        organization "Org" { timezone "Europe/Moscow" }
        role coordinator "К" { allow view, assign on any }
        role executor "И" { allow view, draft, submit on assigned and granted }
        role admin "А" { allow manage_policy on any }
        category roads "Дороги" { subcategory potholes "Ямы" }
        grant coordinator to head
        grant admin to sysadmin
        grant executor to roads_specialist on roads
        grant executor to roads_fast on roads
        fasttrack epgu priority 1 {
          when source MED_DOC_EPGU
          when category roads
          term 5 calendar days
          assign roads_fast
        }
        autorule roads priority 10 {
          when category roads
          assign roads_specialist
        }
        """
        let before = PolicyCompiler.compile(SourceSet(files: [SourceFile(path: "a.lko", text: text.replacingOccurrences(of: "when source MED_DOC_EPGU\n  ", with: "when source NONE_SUCH\n  "))]), options: CompileOptions(lintDate: reviewDay, lint: false))
        let after = PolicyCompiler.compile(SourceSet(files: [SourceFile(path: "b.lko", text: text)]), options: CompileOptions(lintDate: reviewDay, lint: false))
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: "a", old: before, newLabel: "b", new: after, at: reviewDay))
        #expect(diff.routing == [
            Route(cases: "roads.potholes, source MED_DOC_EPGU", old: "roads_specialist (auto-rule roads, 30 calendar days)", new: "roads_fast (fast-track epgu, 5 calendar days)", points: 6),
            Route(cases: "roads.potholes, source NONE_SUCH", old: "roads_fast (fast-track epgu, 5 calendar days)", new: "roads_specialist (auto-rule roads, 30 calendar days)", points: 6),
        ])
    }
}

@Suite struct CoverageAndFindingsTests {
    @Test func aNewSubcategoryWithoutRouteOrExecutorIsACoverageRisk() throws {
        let diff = try diffPair("coverage")
        let message = "no rule routes `transport.buses` and no executor covers it"
        #expect(diff.findingsIntroduced == [Finding(code: "W0503", message: message)])
        #expect(diff.risks == [Risk(kind: "coverage", node: "transport.buses")])
        #expect(DiffRenderer(language: .en).riskText(diff.risks[0]) == message)
        #expect(diff.hasCoverageRisk && !diff.hasEscalation)
        #expect(diff.tree == [Tree(kind: "added", node: "transport", title: "Общественный транспорт", with: ["transport.buses"])], "the new subcategory is named, not hidden under its category")
        #expect(diff.tree.first?.detail == "«Общественный транспорт», вместе с transport.buses")
        #expect(diff.routing == [Route(cases: "transport.buses", old: "not in the tree", new: "coordinator (no rule, 30 calendar days)", points: 12)])
        // The coordinator's and administrator's permissions are `on any`: nothing to gain.
        #expect(diff.access == [])
    }

    @Test func fixingAShadowedRuleResolvesTheFinding() throws {
        // `potholes` (priority 40) was shadowed by `road_defects` (10); priority 5 fixes it, and
        // since both send potholes to roads_specialist no routing outcome changes.
        let diff = try diffPair("findings-resolved")
        #expect(diff.findingsResolved == [Finding(code: "W0501", message: "auto-rule `potholes` can never fire")])
        #expect(diff.findingsIntroduced == [])
        #expect(diff.routing == [] && diff.access == [] && diff.risks == [])
        #expect(diff.hasEffectiveChange)
        #expect(DiffRenderer(language: .en).summary(diff) == "findings +0 −1", "no \"0 logins: +0 −0 permissions\" when access is unchanged")
        #expect(DiffRenderer().summary(diff) == "замечания +0 −1")
    }
}
