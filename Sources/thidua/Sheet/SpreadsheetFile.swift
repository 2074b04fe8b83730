import Foundation

/// A score sheet saved from a spreadsheet as CSV (§10 "Batch entry"): the header row names the criteria,
/// the first column the members; each non-empty cell is one score.
struct SpreadsheetFile {
    struct Cell: Equatable {
        /// 1-based spreadsheet row (the header is row 1) and 0-based column index.
        var row: Int
        var column: Int
        var member: String
        var criterion: String
        /// The points as written, with a decimal comma turned into a point.
        var points: String

        var columnLetter: String { SpreadsheetFile.letter(column) }
        var place: String { "row \(row), column \(columnLetter) (criterion \(criterion.prefix(40)))" }
    }

    var separator: Character
    var cells: [Cell]

    /// Reads UTF-8 text (with or without a byte order mark), comma- or semicolon-separated, detected from the header row.
    init(data: Data) throws {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SheetError("the sheet is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
        }
        separator = Self.separator(of: text)
        let records = try Self.records(text, separator: separator)
        guard let header = records.first, header.count > 1 else {
            throw SheetError("the sheet has no header row of criterion codes (first cell anything, e.g. \"Đơn vị\", then 1.1, 1.2, …)")
        }
        let criteria = header.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        var firstColumn: [String: Int] = [:]
        for (column, code) in criteria.enumerated().dropFirst() where !code.isEmpty {
            if let earlier = firstColumn[code] {
                throw SheetError("criterion \(code) heads both column \(Self.letter(earlier)) and column \(Self.letter(column)); "
                                 + "each criterion has one column, so nothing was saved")
            }
            firstColumn[code] = column
        }
        var firstRow: [String: Int] = [:]
        var cells: [Cell] = []
        for (index, record) in records.enumerated().dropFirst() {
            let row = index + 1
            let values = record.map { $0.trimmingCharacters(in: .whitespaces) }
            guard values.contains(where: { !$0.isEmpty }) else { continue }
            let member = values[0].uppercased()
            if !member.isEmpty {
                if let earlier = firstRow[member] {
                    throw SheetError("member \(member) has two rows, \(earlier) and \(row); each member has one row, so nothing was saved")
                }
                firstRow[member] = row
            }
            for (column, value) in values.enumerated().dropFirst() where !value.isEmpty {
                guard !member.isEmpty else { throw SheetError("row \(row) has scores but no member code in column A") }
                guard column < criteria.count, !criteria[column].isEmpty else {
                    throw SheetError("row \(row), column \(Self.letter(column)) has a score but no criterion code in the header row")
                }
                cells.append(Cell(row: row, column: column, member: member, criterion: criteria[column],
                                  points: value.replacingOccurrences(of: ",", with: ".")))
            }
        }
        self.cells = cells
    }

    /// `;` when the header row (outside quotes) holds more semicolons than commas, else `,`.
    static func separator(of text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for character in text {
            switch character {
            case "\"": quoted.toggle()
            case ";" where !quoted: semicolons += 1
            case "," where !quoted: commas += 1
            case "\n", "\r\n", "\r": if !quoted { return semicolons > commas ? ";" : "," }
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// RFC 4180 records: quoted cells may hold separators, line breaks and doubled quotes.
    static func records(_ text: String, separator: Character) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], cell = ""
        var quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { cell.append(character) }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { cell.append("\"") }
                quoted = true
                afterQuote = false
            case separator:
                record.append(cell); cell = ""; afterQuote = false
            case "\n", "\r\n", "\r":
                record.append(cell); records.append(record); record = []; cell = ""; afterQuote = false
            default:
                cell.append(character); afterQuote = false
            }
        }
        guard !quoted else { throw SheetError("row \(records.count + 1) opens a quoted cell that never closes") }
        if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
        return records
    }

    /// A, B, …, Z, AA, AB, … for a 0-based column index.
    static func letter(_ column: Int) -> String {
        var n = column + 1, out = ""
        while n > 0 {
            let digit = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + digit))) + out
            n = (n - 1) / 26
        }
        return out
    }
}

struct SheetError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
