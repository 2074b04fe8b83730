import ThiDuaCore

extension YearReport {
    /// Part 3: each member's total as a horizontal bar, stacked by criterion group (base points), then bonus; the
    /// penalty drawn left of zero. Fills are grey levels and hatchings, named in a legend, so it reads in black and white.
    func chart(_ facts: ReportFacts) -> Node {
        guard !facts.standings.isEmpty else { return .section("II. Biểu đồ tổng điểm", [.none]) }
        let layout = ChartLayout(facts)
        let attributes: [Attribute] = [
            Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(ChartLayout.width) \(layout.height)"),
            Attribute("role", "img"), Attribute("aria-label", "Biểu đồ tổng điểm năm \(state.year)"),
            Attribute("font-family", "Liberation Serif, DejaVu Serif, serif"), Attribute("font-size", "11"),
        ]
        var shapes: [Node] = [ChartLayout.patterns]
        shapes += layout.legend
        shapes += layout.ticks
        shapes += layout.axis
        shapes += layout.bars
        let svg = Node.tag("svg", attributes, shapes)
        return .section("II. Biểu đồ tổng điểm", [
            .tag("figure", [svg]),
            .p("Mỗi thanh là tổng điểm của một đơn vị: các đoạn là điểm cơ bản của từng nhóm tiêu chí và điểm thưởng; "
               + "điểm trừ vẽ bên trái trục 0. Số cuối thanh là tổng điểm.", [.class("note")]),
        ])
    }
}

/// The chart's geometry, in SVG user units (the figure scales to the page width).
struct ChartLayout {
    static let width = 760
    static let labelWidth = 250.0
    static let totalWidth = 56.0
    static let rowHeight = 22.0
    static let barHeight = 14.0

    /// Fills for the stacks in order: groups first, then bonus (`fill-bonus`) and penalty (`fill-penalty`).
    static let groupFills = ["fill-0", "fill-1", "fill-2", "fill-3", "fill-4", "fill-5"]

    let facts: ReportFacts
    let legendRows: Int
    let top: Double
    let zero: Double
    let scale: Double

    init(_ facts: ReportFacts) {
        self.facts = facts
        let keys = facts.baseGroups.count + 2
        legendRows = (keys + 3) / 4
        top = Double(legendRows) * 18 + 14
        let positive = facts.standings.map { Self.double($0.base + $0.bonus) }.max() ?? 0
        let negative = facts.standings.map { Self.double($0.penalty) }.max() ?? 0
        let span = max(positive, 0) + max(negative, 0)
        let plot = Double(Self.width) - Self.labelWidth - Self.totalWidth - 8
        scale = span > 0 ? plot / span : 0
        zero = Self.labelWidth + 8 + max(negative, 0) * scale
    }

    var height: Int { Int(top + Double(facts.standings.count) * Self.rowHeight + 22) }

    static func double(_ points: Points) -> Double { Double(points.hundredths) / 100 }

    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func fill(_ index: Int) -> String { "url(#\(groupFills[index % groupFills.count]))" }

    /// Legend: one swatch and label per stack, four to a line.
    var legend: [Node] {
        let keys = facts.baseGroups.enumerated().map { (Self.fill($0.offset), $0.element.label) }
            + [("url(#fill-bonus)", "Điểm thưởng"), ("url(#fill-penalty)", "Điểm trừ")]
        return keys.enumerated().map { index, key in
            let x = Double(index % 4) * 185 + 4, y = Double(index / 4) * 18 + 4
            return .tag("g", [.class("legend")], [
                .void("rect", [Attribute("x", Self.number(x)), Attribute("y", Self.number(y)), Attribute("width", "22"), Attribute("height", "11"),
                               Attribute("fill", key.0), Attribute("stroke", "#000"), Attribute("stroke-width", "0.6")]),
                .tag("text", [Attribute("x", Self.number(x + 28)), Attribute("y", Self.number(y + 10))], text: key.1),
            ])
        }
    }

    /// Gridlines at a round step (1, 2 or 5 × 10ⁿ points, at most ten of them), labelled beneath.
    var ticks: [Node] {
        guard scale > 0 else { return [] }
        let span = (Double(Self.width) - Self.totalWidth - zero) / scale
        guard span.isFinite, span > 0 else { return [] }
        var step = 1.0, k = 0
        while span / step > 10 {
            step *= [2.0, 2.5, 2.0][k % 3]
            k += 1
        }
        let bottom = top + Double(facts.standings.count) * Self.rowHeight
        return stride(from: step, through: span, by: step).flatMap { value -> [Node] in
            let x = Self.number(zero + value * scale)
            return [.void("line", [Attribute("x1", x), Attribute("x2", x), Attribute("y1", Self.number(top - 4)), Attribute("y2", Self.number(bottom)),
                                   Attribute("stroke", "#999"), Attribute("stroke-width", "0.4"), Attribute("stroke-dasharray", "2 2")]),
                    .tag("text", [Attribute("x", x), Attribute("y", Self.number(bottom + 14)), Attribute("text-anchor", "middle"), Attribute("font-size", "9")],
                         text: Self.number(value))]
        }
    }

    /// The zero line.
    var axis: [Node] {
        [.void("line", [Attribute("x1", Self.number(zero)), Attribute("x2", Self.number(zero)), Attribute("y1", Self.number(top - 4)),
                        Attribute("y2", Self.number(top + Double(facts.standings.count) * Self.rowHeight)),
                        Attribute("stroke", "#000"), Attribute("stroke-width", "0.8")]),
         .tag("text", [Attribute("x", Self.number(zero)), Attribute("y", Self.number(top + Double(facts.standings.count) * Self.rowHeight + 14)),
                       Attribute("text-anchor", "middle"), Attribute("font-size", "9")], text: "0")]
    }

    var bars: [Node] {
        facts.standings.enumerated().map { index, row in
            let y = top + Double(index) * Self.rowHeight
            let barY = y + (Self.rowHeight - Self.barHeight) / 2
            var x = zero
            var shapes: [Node] = [
                .tag("text", [Attribute("x", Self.number(Self.labelWidth)), Attribute("y", Self.number(barY + 11)), Attribute("text-anchor", "end")],
                     text: "\(row.rank). \(row.name)"),
            ]
            let stacks = (facts.groupBase[row.member] ?? []).enumerated().map { (Self.fill($0.offset), facts.baseGroups[$0.offset].label, $0.element) }
                + [("url(#fill-bonus)", "Điểm thưởng", row.bonus)]
            for (fill, label, points) in stacks {
                let w = max(0, Self.double(points) * scale)
                guard w > 0 else { continue }
                shapes.append(segment(x: x, y: barY, width: w, fill: fill, title: "\(row.name) — \(label): \(VietnameseFormat.points(points))"))
                x += w
            }
            let penalty = max(0, Self.double(row.penalty) * scale)
            if penalty > 0 {
                shapes.append(segment(x: zero - penalty, y: barY, width: penalty, fill: "url(#fill-penalty)",
                                      title: "\(row.name) — Điểm trừ: \(VietnameseFormat.points(row.penalty))"))
            }
            shapes.append(.tag("text", [Attribute("x", Self.number(x + 4)), Attribute("y", Self.number(barY + 11)), Attribute("font-weight", "bold"),
                                        .number("chart.total"), Attribute("data-m", row.member)],
                               text: VietnameseFormat.points(row.total)))
            return .tag("g", [Attribute("data-row", row.member)], shapes)
        }
    }

    func segment(x: Double, y: Double, width: Double, fill: String, title: String) -> Node {
        .tag("rect", [Attribute("x", Self.number(x)), Attribute("y", Self.number(y)), Attribute("width", Self.number(width)),
                      Attribute("height", Self.number(Self.barHeight)), Attribute("fill", fill), Attribute("stroke", "#000"),
                      Attribute("stroke-width", "0.6")],
             [.tag("title", text: title)])
    }

    /// Grey levels and hatchings that stay apart when printed in black and white.
    static let patterns = Node.markup("""
        <defs>\
        <pattern id="fill-0" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#404040"/></pattern>\
        <pattern id="fill-1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2.2"/></pattern>\
        <pattern id="fill-2" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#a8a8a8"/></pattern>\
        <pattern id="fill-3" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.1" fill="#000"/></pattern>\
        <pattern id="fill-4" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#d8d8d8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1"/></pattern>\
        <pattern id="fill-5" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0 3H6M3 0V6" stroke="#000" stroke-width="0.8"/></pattern>\
        <pattern id="fill-bonus" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><line x1="0" y1="2.5" x2="5" y2="2.5" stroke="#000" stroke-width="1.2"/></pattern>\
        <pattern id="fill-penalty" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><path d="M0 3H6M3 0V6" stroke="#000" stroke-width="1.3"/></pattern>\
        </defs>
        """)
}
