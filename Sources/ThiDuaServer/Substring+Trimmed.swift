extension Substring {
    /// Without the spaces and tabs at either end: HTTP's optional whitespace, trimmed without Foundation's bridging.
    var trimmed: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
