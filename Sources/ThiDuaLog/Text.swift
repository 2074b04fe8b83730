import Foundation

/// Rules for codes and free text (§5): codes are `[A-Z0-9._-]{1,32}`, text is NFC, at most 2,000 characters.
public enum Text {
    public static let maximumLength = 2_000
    public static let maximumCodeLength = 32
    /// The actor that may act on behalf of anyone (cơ quan thường trực).
    public static let secretariat = "secretariat"

    public static func isCode(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maximumCodeLength else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// Checks a code, throwing an error that names the field.
    public static func code(_ text: String, field: String) throws(ThiDuaError) -> String {
        guard isCode(text) else {
            let upper = text.uppercased()
            let hint = isCode(upper) && text != secretariat
                ? "codes are upper case in JSON Lines: write \"\(upper)\""
                : "codes are 1-32 characters of A-Z, 0-9, '.', '_' or '-', like BNCTW or 1.1"
            throw ThiDuaError(code: .badCode, field: field, reason: "\"\(text.prefix(40))\" is not a code", hint: hint)
        }
        return text
    }

    /// NFC-normalises free text and refuses control characters (other than tab and newline) and overlong text.
    public static func normalized(_ text: String, field: @autoclosure () -> String) throws(ThiDuaError) -> String {
        var ascii = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 && value != 0x0A && value != 0x09 || (0x7F...0x9F).contains(value) {
                throw ThiDuaError(code: .controlCharacter, field: field(),
                                  reason: "text holds the control character U+\(String(value, radix: 16, uppercase: true).leftPadded(4))",
                                  hint: "remove it")
            }
            if value >= 0x80 { ascii = false }
        }
        let result = ascii ? text : text.precomposedStringWithCanonicalMapping
        if !ascii || result.utf8.count > maximumLength {
            let count = result.unicodeScalars.count
            if count > maximumLength {
                throw ThiDuaError(code: .textTooLong, field: field(),
                                  reason: "text has \(count) characters, the limit is \(maximumLength)",
                                  hint: "shorten it or put the full text in a document and cite it")
            }
        }
        return result
    }
}

extension Text {
    /// Unicode's bidi controls: U+061C, U+200E–U+200F, U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isBidiControl }

    /// Checks that a name, title or signatory is one line (§10): no line break, tab or bidi control, which would let it
    /// fake a row, misalign a table or reverse what a reader sees. Multi-line text belongs in clauses, reasons,
    /// evidence and targets.
    public static func oneLine(_ text: String, field: @autoclosure () -> String) throws(ThiDuaError) -> String {
        for scalar in text.unicodeScalars {
            let name = "U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))"
            switch scalar.value {
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                throw ThiDuaError(code: .multiLineText, field: field(), reason: "a name or title must be one line; this one holds a line break (\(name))",
                                  hint: "write it on one line; only clauses, reasons, evidence and targets may have several lines")
            case 0x09:
                throw ThiDuaError(code: .tabInText, field: field(), reason: "a name or title may not hold a tab (U+0009)",
                                  hint: "use a space instead")
            default:
                if isBidiControl(scalar) {
                    throw ThiDuaError(code: .bidiControl, field: field(),
                                      reason: "a name or title may not hold the bidi control \(name), which changes the order a reader sees",
                                      hint: "remove it")
                }
            }
        }
        return text
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
