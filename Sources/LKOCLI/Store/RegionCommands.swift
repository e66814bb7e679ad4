import ArgumentParser
import Foundation
import LKOMessages
import LKOStore
import LKOWorkflow

/// `lko region add|list`: the region's registry of ЛКО and their hierarchy (docs/deploy.md).
struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: L(.optRegionAbstract),
        subcommands: [RegionAdd.self, RegionList.self]
    )
}

struct RegionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: L(.optRegionAddAbstract))

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argRegionID))) var id: String
    @Option(help: ArgumentHelp(L(.optRegionTitle))) var title: String
    @Option(help: ArgumentHelp(L(.optRegionSuperior), valueName: "id")) var superior: String?

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            defer { try? store.close() }
            let added = try store.registerOrganization(by: try database.actor(in: store), id: id, title: title, superior: superior)
            let under = added.superior.map { " ← \($0)" } ?? ""
            Terminal.out(L(.cliRegionAdded, ["id": added.id, "title": added.title, "superior": under]))
        }
    }
}

struct RegionList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L(.optRegionListAbstract))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let format = try output.resolve()
        try runStoreCommand {
            let store = try database.open()
            defer { try? store.close() }
            let today = StoreClock.day(of: store.clock.now(), in: "Europe/Moscow")
            let overview = try RegionOverview.read(region: store, by: try database.actor(in: store), today: today)
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.out(String(decoding: try encoder.encode(overview), as: UTF8.self))
                return
            }
            guard !overview.isEmpty else { return Terminal.out(L(.cliRegionEmpty)) }
            // The hierarchy as a tree: each organization under its superior, with its day.
            let children = Dictionary(grouping: overview, by: { $0.organization.superior ?? "" })
            func show(_ parent: String, depth: Int) {
                for entry in children[parent] ?? [] {
                    let counts = L(.cliRegionCounts, ["open": "\(entry.openCases)", "today": "\(entry.dueToday)", "overdue": "\(entry.overdue)", "entries": "\(entry.auditEntries)"])
                    Terminal.out(String(repeating: "  ", count: depth) + "\(entry.organization.id) — \(entry.organization.title): " + counts)
                    show(entry.organization.id, depth: depth + 1)
                }
            }
            show("", depth: 0)
        }
    }
}
