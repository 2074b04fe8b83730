extension Node {
    /// A whole Vietnamese HTML page: the doctype, a head with `title` and the style sheet `css` (a literal of the
    /// caller's source), and `body`. Everything but the literals is escaped, as in every node.
    public static func page(title: String, css: StaticString, body: [Node]) -> String {
        Node.list([
            .markup("<!DOCTYPE html>\n"),
            .tag("html", [Attribute("lang", "vi")], [
                .tag("head", [
                    .void("meta", [Attribute("charset", "utf-8")]),
                    .void("meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")]),
                    .tag("title", text: title),
                    .tag("style", [.markup(css)]),
                ]),
                .tag("body", body),
            ]),
        ]).rendered
    }
}
