import ThiDuaCore

/// A table printed with columns aligned by display width, so Vietnamese text lines up.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines; every cell shown through `Visible`, so no cell can break its row or drive the terminal.
    func render() -> String {
        let headers = headers.map(Visible.escaped)
        let rows = rows.map { $0.map(Visible.escaped) }
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func format(_ row: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in row.enumerated() {
                let gap = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
                let isLast = index == row.count - 1
                parts.append(rightAligned.contains(index) ? gap + cell : (isLast ? cell : cell + gap))
            }
            var line = parts.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        var lines = [format(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(format)
        return lines.joined(separator: "\n")
    }
}

/// Columns a text takes in a terminal: one per character, two for wide East Asian characters, none for marks.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return text.utf8.count }
        var width = 0
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            let value = first.value
            if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
                || first.properties.generalCategory == .format || value < 0x20 {
                continue
            }
            width += isWide(value) ? 2 : 1
        }
        return width
    }

    static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
    }
}

/// RFC 4180 CSV. A text cell a spreadsheet would take for a formula (beginning with `=`, `+`, `-`, `@`, tab or CR)
/// gets a leading `'`; a cell that is a plain number, like -2.5, stays as it is (§10). Characters that would drive a
/// terminal (ESC, BEL…) are written as escapes, as in tables.
enum CSV {
    static func row(_ cells: [String]) -> String {
        cells.map { cell in
            let cell = neutralized(Visible.escapedControls(cell))
            return cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : cell
        }.joined(separator: ",")
    }

    static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first),
              !isPlainNumber(cell)
        else { return cell }
        return "'" + cell
    }

    /// An optional sign, digits and at most one decimal point with digits after it.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
