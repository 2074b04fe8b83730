import ThiDuaCore

/// Text made safe to show a person: control characters (C0, DEL, C1), the line and paragraph separators and
/// bidi controls are written as escapes like `\u{1B}` (ESC), `\u{A}` (a line feed) or `\u{202E}`, so text from an
/// input line or a stored row can neither drive the terminal nor break, misalign or reverse a line (§10).
enum Visible {
    static func escaped(_ text: String) -> String { escaped(text, keepingLineBreaks: false) }

    /// With `keepingLineBreaks`, line feeds stay (multi-line clauses, a usage message); everything else is escaped.
    static func escaped(_ text: String, keepingLineBreaks: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingLineBreaks && $0 == "\n") }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && !(keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || Text.isBidiControl(scalar)
    }
}
