import ThiDuaCore

/// The few shapes the report's tables are made of.
extension Node {
    static func section(_ title: String, _ children: [Node]) -> Node {
        .tag("section", [Node.tag("h2", text: title)] + children)
    }

    static func p(_ text: String, _ attributes: [Attribute] = []) -> Node { .tag("p", attributes, text: text) }

    static func th(_ text: String, _ attributes: [Attribute] = []) -> Node { .tag("th", attributes, text: text) }

    static func td(_ text: String, _ attributes: [Attribute] = []) -> Node { .tag("td", attributes, text: text) }

    /// A number cell: right-aligned, tagged with what it is (`data-n`) and whose (`data-m`, `data-c`).
    static func number(_ text: String, _ key: String, member: String? = nil, item: String? = nil, class cls: String = "num") -> Node {
        .tag("td", [.class(cls), .number(key)] + [member.map { Attribute("data-m", $0) }, item.map { Attribute("data-c", $0) }].compactMap { $0 },
             text: text)
    }

    static func points(_ points: Points, _ key: String, member: String? = nil, item: String? = nil) -> Node {
        number(VietnameseFormat.points(points), key, member: member, item: item)
    }

    /// A table with its header row repeated on every printed page.
    static func table(_ headers: [Node], _ rows: [Node], _ attributes: [Attribute] = []) -> Node {
        .tag("table", attributes, [.tag("thead", [.tag("tr", headers)]), .tag("tbody", rows)])
    }

    static func row(_ cells: [Node], _ attributes: [Attribute] = []) -> Node { .tag("tr", attributes, cells) }

    /// `Chưa có.` where a part has nothing to show.
    static let none = Node.p("Chưa có.", [.class("note")])
}
