import ThiDuaCore
import ThiDuaLog

/// Text made safe to show a person: control characters (C0, DEL, C1), the line and paragraph separators and
/// bidi controls are written as escapes like `\u{1B}` (ESC), `\u{A}` (a line feed) or `\u{202E}`, so text from an
/// input line or a stored row can neither drive the terminal nor break, misalign or reverse a line (§10).
enum Visible {
    static func escaped(_ text: String) -> String { escaped(text, keepingLineBreaks: false) }

    /// With `keepingLineBreaks`, line feeds stay (multi-line clauses, a usage message); everything else is escaped.
    static func escaped(_ text: String, keepingLineBreaks: Bool) -> String {
        escaping(text) { needsEscape($0) && !(keepingLineBreaks && $0 == "\n") }
    }

    /// For CSV, which keeps text as stored: only what drives a terminal (C0 controls but tab, line feed and carriage
    /// return, DEL, C1) is escaped.
    static func escapedControls(_ text: String) -> String {
        escaping(text) { isControl($0) && $0 != "\t" && $0 != "\n" && $0 != "\r" }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 || Text.isBidiControl(scalar)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func escaping(_ text: String, _ escapes: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
