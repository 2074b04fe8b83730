import Foundation

/// What the report tests read out of a report's HTML: the numbers it tags (`data-n`), and single elements by id.
enum ReportHTML {
    struct Tagged {
        var key: String
        var member: String?
        var item: String?
        var text: String
    }

    /// Every element with a `data-n` attribute and the text directly inside it.
    static func numbers(_ html: String) throws -> [Tagged] {
        let element = try Regex(#"<[a-z]+((?: [a-z-]+="[^"]*")*)>([^<]*)(?=<)"#)
        let attribute = try Regex(#"([a-z-]+)="([^"]*)""#)
        var found: [Tagged] = []
        for match in html.matches(of: element) {
            guard let attributes = match.output[1].substring, let text = match.output[2].substring else { continue }
            var fields: [String: String] = [:]
            for a in attributes.matches(of: attribute) {
                if let name = a.output[1].substring, let value = a.output[2].substring { fields[String(name)] = unescaped(String(value)) }
            }
            guard let key = fields["data-n"] else { continue }
            found.append(Tagged(key: key, member: fields["data-m"], item: fields["data-c"], text: unescaped(String(text))))
        }
        return found
    }

    /// The text of the element with this id.
    static func text(id: String, in html: String) throws -> String? {
        let pattern = try Regex(#"id="\#(id)"[^>]*>([^<]*)<"#)
        return (html.firstMatch(of: pattern)?.output[1].substring).map { unescaped(String($0)) }
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `103,5` → `103.5`; `(9)` → `9`.
    static func decimal(_ shown: String) -> String {
        shown.trimmingCharacters(in: CharacterSet(charactersIn: "()")).replacingOccurrences(of: ",", with: ".")
    }
}
