import LKOApplication
import LKOPOS

/// The `lko pos` reports as text for people (Russian), Markdown and CSV.
enum POSText {
    static func importReport(_ report: ImportReport, file: String, show: Int) -> String {
        let s = report.snapshot
        if report.alreadyImported {
            return "\(file): уже загружен — снимок №\(s.id) на \(RussianDate.text(iso: s.asOf)) (\(s.rowCount) строк, загрузил \(s.importedBy) \(s.importedAt)); ничего не изменено."
        }
        var lines = ["\(file): снимок №\(s.id) на \(RussianDate.text(iso: s.asOf)) — \(s.rowCount) строк (\(s.format)); пустых строк пропущено: \(report.emptyRows); политика \(String(s.policyVersion.prefix(19)))…"]
        if !report.missingColumns.isEmpty {
            lines.append("Нет колонок (\(report.missingColumns.count)):")
            for missing in report.missingColumns { lines.append("  «\(missing.column)» — без неё недоступно: \(missing.disables)") }
        }
        if !report.unknownHeaders.isEmpty { lines.append("Незнакомые колонки (пропущены): " + report.unknownHeaders.map { "«\($0)»" }.joined(separator: ", ")) }
        if report.normalizedTitles > 0 { lines.append("Названия, сопоставленные после нормализации (регистр, ё/е, пробелы, кавычки): \(report.normalizedTitles) строк") }
        for person in report.persons {
            let rows = person.rows.map(String.init).joined(separator: ", ") + (person.rowCount > person.rows.count ? ", …" : "")
            if person.candidates.isEmpty {
                lines.append("Неизвестный \(person.role): «\(person.name)» — нет учётной записи с таким ФИО (\(person.rowCount) строк: \(rows))")
            } else {
                lines.append("Неоднозначный \(person.role): «\(person.name)» — несколько учётных записей: \(person.candidates.joined(separator: ", ")) (\(person.rowCount) строк: \(rows))")
            }
        }
        if let previous = report.previousSnapshot {
            let kinds = ["appeared": "новых", "status": "смен статуса", "executor": "смен исполнителя", "coordinator": "смен координатора", "manager": "смен руководителя", "planned": "смен плановой даты"]
            let parts = report.events.sorted { $0.key < $1.key }.map { "\(kinds[$0.key] ?? $0.key): \($0.value)" }
            lines.append("События со снимка №\(previous): " + (parts.isEmpty ? "нет" : parts.joined(separator: ", ")))
        }
        let errors = report.issues.filter(\.isError).count
        let warnings = report.issues.count - errors
        if !report.issues.isEmpty {
            lines.append("Строки с ошибками: \(errors), с предупреждениями: \(warnings):")
            for issue in report.issues.prefix(show) {
                lines.append("  \(file):\(issue.row): \(issue.isError ? "ошибка" : "предупреждение"): " + (issue.number.map { "№ \($0): " } ?? "") + issue.message)
            }
            if report.issues.count > show { lines.append("  … и ещё \(report.issues.count - show) (--show N или --json)") }
        }
        return lines.joined(separator: "\n")
    }

    static func monitor(_ report: MonitorReport, markdown: Bool) -> String {
        let header = ["Исполнитель", "Открыто", "Сегодня срок", "Под угрозой", "Просрочено", "Срочные номера"]
        let rows = (report.lines + [report.totals]).map { line in
            [line.person, String(line.open), String(line.dueToday), String(line.atRisk), String(line.overdue), line.urgent.prefix(6).joined(separator: ", ") + (line.urgent.count > 6 ? ", …" : "")]
        }
        let title = "Мониторинг на \(RussianDate.text(iso: report.day)) (выгрузка на \(RussianDate.text(iso: report.snapshot.asOf)), снимок №\(report.snapshot.id))"
        return (markdown ? "## " + title + "\n\n" : title + "\n") + table(header, rows, markdown: markdown)
    }

    static func monitorCSV(_ report: MonitorReport) -> String {
        ExcelCSV.render(header: ["Исполнитель", "Открыто", "Сегодня срок", "Под угрозой", "Просрочено", "Срочные номера"],
                        rows: (report.lines + [report.totals]).map { [$0.person, String($0.open), String($0.dueToday), String($0.atRisk), String($0.overdue), $0.urgent.joined(separator: ", ")] })
    }

    static func drift(_ report: DriftReport, markdown: Bool) -> String {
        var out = ""
        let period = [report.from.map { "с " + RussianDate.text(iso: $0) }, report.to.map { "по " + RussianDate.text(iso: $0) }].compactMap { $0 }.joined(separator: " ")
        let title = "Расхождения с политикой: снимок №\(report.snapshot.id) на \(RussianDate.text(iso: report.snapshot.asOf))" + (period.isEmpty ? "" : ", поступившие \(period)")
        out += markdown ? "## \(title)\n\n" : "\(title)\n"
        out += "Проверено строк: \(report.rowsChecked); находок: \(report.findings.count)" + (report.uncertain > 0 ? "; не проверено из-за условий, которых нет в выгрузке (канал, населённый пункт): \(report.uncertain)" : "") + "\n"
        var counts: [String: Int] = [:]
        for finding in report.findings { counts[finding.kindTitle, default: 0] += 1 }
        if !counts.isEmpty {
            out += (markdown ? "\n" : "") + counts.sorted { $0.key < $1.key }.map { (markdown ? "- " : "  ") + "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
        }
        if !report.overdueByPerson.isEmpty {
            out += markdown ? "\n### Просрочено по исполнителям на \(RussianDate.text(iso: report.day))\n\n" : "\nПросрочено по исполнителям на \(RussianDate.text(iso: report.day)):\n"
            out += table(["Исполнитель", "Просрочено", "Номера"], report.overdueByPerson.map { [$0.person, String($0.count), $0.numbers.prefix(8).joined(separator: ", ") + ($0.numbers.count > 8 ? ", …" : "")] }, markdown: markdown) + "\n"
        }
        let details = report.findings.filter { $0.kind != "overdue" }
        if !details.isEmpty {
            out += markdown ? "\n### Находки\n\n" : "\nНаходки:\n"
            out += table(["Строка", "Номер", "Вид", "Кто", "Что", "Строка политики"],
                         details.map { [String($0.row), $0.number, $0.kindTitle, $0.person ?? "", $0.message, $0.policyLine] }, markdown: markdown)
        }
        return out
    }

    static func driftCSV(_ report: DriftReport) -> String {
        ExcelCSV.render(header: ["Строка выгрузки", "Номер", "Вид", "Кто", "Что", "Строка политики"],
                        rows: report.findings.map { [String($0.row), $0.number, $0.kindTitle, $0.person ?? "", $0.message, $0.policyLine] })
    }

    static func table(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
        if markdown {
            func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
            return (["| " + header.map(cell).joined(separator: " | ") + " |", "|" + header.map { _ in " --- |" }.joined()]
                + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(separator: "\n")
        }
        var widths = header.map(\.count)
        for row in rows { for (index, text) in row.enumerated() where index < widths.count - 1 { widths[index] = max(widths[index], text.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in index == cells.count - 1 ? text : text.padding(toLength: widths[index], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
