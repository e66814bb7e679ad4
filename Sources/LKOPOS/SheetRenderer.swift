/// The configuration sheet as Markdown or printable HTML, opening with the routing map (SVG).
public enum SheetRenderer {
    static func xml(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The routing map: subcategories on the left, rules in the middle, executors on the right;
    /// a simple three-column layout, no external tool.
    public static func svg(_ edges: [ConfigurationSheet.Edge]) -> String {
        func unique(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }
        }
        let left = unique(edges.map(\.subcategory))
        let middle = unique(edges.map(\.rule))
        let right = unique(edges.map(\.target)).sorted { ($0 == "Координатор" ? 1 : 0, $0) < ($1 == "Координатор" ? 1 : 0, $1) }
        let rowHeight = 20.0, top = 40.0
        let height = top + Double(max(left.count, middle.count, right.count, 1)) * rowHeight + 20
        let columns = (left: 10.0, middle: 420.0, right: 780.0)
        let widths = (left: 330.0, middle: 280.0, right: 250.0)
        let width = columns.right + widths.right + 10
        func y(_ index: Int, of count: Int) -> Double {
            let total = Double(max(left.count, middle.count, right.count, 1))
            let offset = (total - Double(count)) * rowHeight / 2
            return top + offset + Double(index) * rowHeight + rowHeight / 2
        }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="DejaVu Sans, Arial, sans-serif" font-size="11" role="img" aria-label="Карта маршрутизации">
        <text x="\(columns.left)" y="20" font-weight="bold">Подкатегория</text><text x="\(columns.middle)" y="20" font-weight="bold">Правило</text><text x="\(columns.right)" y="20" font-weight="bold">Исполнитель</text>

        """
        let leftIndex = Dictionary(uniqueKeysWithValues: left.enumerated().map { ($1, $0) })
        let middleIndex = Dictionary(uniqueKeysWithValues: middle.enumerated().map { ($1, $0) })
        let rightIndex = Dictionary(uniqueKeysWithValues: right.enumerated().map { ($1, $0) })
        var ruleTargets = Set<String>()
        for edge in edges {
            let y1 = y(leftIndex[edge.subcategory]!, of: left.count), y2 = y(middleIndex[edge.rule]!, of: middle.count)
            let x1 = columns.left + widths.left, x2 = columns.middle
            out += "<path d=\"M\(x1),\(y1) C\((x1 + x2) / 2),\(y1) \((x1 + x2) / 2),\(y2) \(x2),\(y2)\" fill=\"none\" stroke=\"#7a8ca8\" stroke-width=\"0.8\"/>\n"
            if ruleTargets.insert(edge.rule + "\u{1F}" + edge.target).inserted {
                let y3 = y(rightIndex[edge.target]!, of: right.count)
                let x3 = columns.middle + widths.middle, x4 = columns.right
                out += "<path d=\"M\(x3),\(y2) C\((x3 + x4) / 2),\(y2) \((x3 + x4) / 2),\(y3) \(x4),\(y3)\" fill=\"none\" stroke=\"#2f5d9b\" stroke-width=\"1.2\"/>\n"
            }
        }
        func boxes(_ labels: [String], x: Double, width: Double, fill: String) {
            for (index, label) in labels.enumerated() {
                let center = y(index, of: labels.count)
                let text = label.count > 52 ? String(label.prefix(50)) + "…" : label
                out += "<rect x=\"\(x)\" y=\"\(center - 8)\" width=\"\(width)\" height=\"16\" rx=\"3\" fill=\"\(fill)\" stroke=\"#555\" stroke-width=\"0.5\"/>"
                out += "<text x=\"\(x + 4)\" y=\"\(center + 4)\">\(xml(text))</text>\n"
            }
        }
        boxes(left, x: columns.left, width: widths.left, fill: "#f4f6fa")
        boxes(middle, x: columns.middle, width: widths.middle, fill: "#fff7e0")
        boxes(right, x: columns.right, width: widths.right, fill: "#e8f3e8")
        return out + "</svg>\n"
    }

    public static func markdown(_ sheet: ConfigurationSheet, changes: SheetChanges? = nil, mapFile: String? = nil) -> String {
        var out = "# Настройка ЛКО: \(sheet.organization)\n\nВерсия политики: `\(sheet.version)`\n\n## Карта маршрутизации\n\n"
        out += mapFile.map { "![Подкатегория → правило → исполнитель](\($0))\n\n" } ?? svg(sheet.edges) + "\n"
        if let changes {
            out += "## Что изменить в ЛКО с версии `\(changes.fromVersion)`\n\n"
            if changes.changes.isEmpty { out += "Изменений нет: ЛКО уже настроен как в этой версии.\n" }
            for change in changes.changes {
                let verb = ["add": "Добавить", "change": "Изменить", "remove": "Удалить"][change.kind] ?? change.kind
                out += "- **\(verb)** — \(change.section): \(change.item.title) (`\(change.item.policyLine)`)\n"
                if change.kind == "change" {
                    for line in change.before where !change.item.lines.contains(line) { out += "  - было: \(line)\n" }
                    for line in change.item.lines where !change.before.contains(line) { out += "  - стало: \(line)\n" }
                } else {
                    for line in change.item.lines { out += "  - \(line)\n" }
                }
            }
            return out
        }
        for (number, section) in sheet.sections.enumerated() {
            out += "## \(number + 1). \(section.title)\n\n"
            if section.items.isEmpty { out += "Нет.\n\n" }
            for item in section.items {
                out += "- **\(item.title)** (`\(item.policyLine)`)\n"
                for line in item.lines { out += "  - \(line)\n" }
            }
            out += "\n"
        }
        return out
    }

    public static func html(_ sheet: ConfigurationSheet, changes: SheetChanges? = nil) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="ru"><head><meta charset="utf-8"><title>Настройка ЛКО — \(xml(sheet.organization))</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 2em; color: #111; }
        h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.5em; }
        table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
        th { background: #eef; } .line { color: #555; font-family: monospace; font-size: 9pt; white-space: nowrap; }
        .check { width: 1.5em; } .map svg { max-width: 100%; height: auto; }
        @media print { @page { size: A4 landscape; margin: 12mm; } body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } .map { break-after: page; } }
        </style></head><body>
        <h1>Настройка ЛКО: \(xml(sheet.organization))</h1>
        <p>Версия политики: <code>\(xml(sheet.version))</code></p>
        <h2>Карта маршрутизации</h2><div class="map">\(svg(sheet.edges))</div>

        """
        if let changes {
            out += "<h2>Что изменить в ЛКО с версии <code>\(xml(changes.fromVersion))</code></h2>\n"
            if changes.changes.isEmpty { out += "<p>Изменений нет: ЛКО уже настроен как в этой версии.</p>\n" }
            out += "<table><tr><th class=\"check\">✓</th><th>Действие</th><th>Раздел</th><th>Что</th><th>Строка политики</th></tr>\n"
            for change in changes.changes {
                let verb = ["add": "Добавить", "change": "Изменить", "remove": "Удалить"][change.kind] ?? change.kind
                var detail = "<b>\(xml(change.item.title))</b>"
                if change.kind == "change" {
                    for line in change.before where !change.item.lines.contains(line) { detail += "<br>было: \(xml(line))" }
                    for line in change.item.lines where !change.before.contains(line) { detail += "<br>стало: \(xml(line))" }
                } else {
                    for line in change.item.lines { detail += "<br>\(xml(line))" }
                }
                out += "<tr><td class=\"check\">☐</td><td>\(verb)</td><td>\(xml(change.section))</td><td>\(detail)</td><td class=\"line\">\(xml(change.item.policyLine))</td></tr>\n"
            }
            return out + "</table></body></html>\n"
        }
        for (number, section) in sheet.sections.enumerated() {
            out += "<h2>\(number + 1). \(xml(section.title))</h2>\n<table><tr><th class=\"check\">✓</th><th>Что</th><th>Настройка</th><th>Строка политики</th></tr>\n"
            for item in section.items {
                out += "<tr><td class=\"check\">☐</td><td><b>\(xml(item.title))</b></td><td>\(item.lines.map(xml).joined(separator: "<br>"))</td><td class=\"line\">\(xml(item.policyLine))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out + "</body></html>\n"
    }
}
