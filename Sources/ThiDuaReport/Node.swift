/// A piece of an HTML or SVG document. Text and attribute values are always escaped when written; the only markup
/// written as it is comes from `StaticString`s — literals in this module's source — never from data.
public struct Node: Sendable {
    enum Content: Sendable {
        case element(name: StaticString, attributes: [Attribute], children: [Node])
        case void(name: StaticString, attributes: [Attribute])
        case text(String)
        case markup(StaticString)
        case list([Node])
    }

    let content: Content

    /// An element with its attributes and children.
    public static func tag(_ name: StaticString, _ attributes: [Attribute], _ children: [Node]) -> Node {
        Node(content: .element(name: name, attributes: attributes, children: children))
    }

    /// An element with children and no attributes.
    public static func tag(_ name: StaticString, _ children: [Node]) -> Node {
        Node(content: .element(name: name, attributes: [], children: children))
    }

    /// An element whose only child is `text`.
    public static func tag(_ name: StaticString, _ attributes: [Attribute] = [], text: String) -> Node {
        Node(content: .element(name: name, attributes: attributes, children: [.text(text)]))
    }

    /// An element without an end tag (`<meta/>`, `<br/>`) or a self-closed SVG shape (`<rect/>`).
    public static func void(_ name: StaticString, _ attributes: [Attribute] = []) -> Node {
        Node(content: .void(name: name, attributes: attributes))
    }

    /// Text, escaped.
    public static func text(_ text: String) -> Node { Node(content: .text(text)) }

    /// Markup written in this module's source (a style sheet, a doctype): a literal, never data.
    static func markup(_ markup: StaticString) -> Node { Node(content: .markup(markup)) }

    /// Several nodes side by side.
    public static func list(_ nodes: [Node]) -> Node { Node(content: .list(nodes)) }

    public static let empty = Node(content: .list([]))

    /// The document text.
    public var rendered: String {
        var out = ""
        out.reserveCapacity(64 * 1024)
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch content {
        case .text(let text): Escape.append(text, to: &out)
        case .markup(let markup): out += markup.description
        case .list(let nodes): for node in nodes { node.write(to: &out) }
        case .void(let name, let attributes):
            out += "<"
            out += name.description
            for attribute in attributes { attribute.write(to: &out) }
            // Self-closed: in SVG an unclosed shape would swallow its siblings.
            out += "/>"
        case .element(let name, let attributes, let children):
            out += "<"
            out += name.description
            for attribute in attributes { attribute.write(to: &out) }
            out += ">"
            for child in children { child.write(to: &out) }
            out += "</"
            out += name.description
            out += ">"
        }
    }
}

/// An attribute: its name a literal of ours, its value any text (escaped, always quoted).
public struct Attribute: Sendable {
    let name: StaticString
    let value: String

    public init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }

    /// `data-n`: the key by which a test finds a number and compares it with replay's.
    public static func number(_ key: String) -> Attribute { Attribute("data-n", key) }

    func write(to out: inout String) {
        out += " "
        out += name.description
        out += "=\""
        Escape.append(value, to: &out)
        out += "\""
    }
}

enum Escape {
    /// `& < > " '` as character references; everything else as it is (the document is UTF-8).
    static func append(_ text: String, to out: inout String) {
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
