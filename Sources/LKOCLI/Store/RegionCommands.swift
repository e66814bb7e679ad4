import ArgumentParser
import Foundation
import LKOMessages
import LKOStore

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
            _ = try database.actor(in: store)
            let organizations = try store.regionOrganizations()
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.out(String(decoding: try encoder.encode(organizations), as: UTF8.self))
                return
            }
            guard !organizations.isEmpty else { return Terminal.out(L(.cliRegionEmpty)) }
            // The hierarchy as a tree: each organization under its superior.
            let children = Dictionary(grouping: organizations, by: { $0.superior ?? "" })
            func show(_ parent: String, depth: Int) {
                for organization in children[parent] ?? [] {
                    Terminal.out(String(repeating: "  ", count: depth) + "\(organization.id) — \(organization.title)")
                    show(organization.id, depth: depth + 1)
                }
            }
            show("", depth: 0)
        }
    }
}
