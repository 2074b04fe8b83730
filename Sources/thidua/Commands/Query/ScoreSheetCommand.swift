import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

extension ScoresCommand {
    /// `thidua scores`: the score sheet (bảng tổng hợp điểm), members × criteria.
    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheet", abstract: "Show the score sheet: members × criteria, group subtotals and totals (the default).",
            discussion: """
                Each cell is the points that count: a review's where there is one, marked *, with the member's self-score \
                in brackets; else the latest self-score. Retired criteria count for nothing and are not on the sheet.
                Example: thidua scores --year 2017 --member BNCTW
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var query: YearQueryOptions
        @Option(help: "Only this member.") var member: String?

        func run() throws {
            let (p, state) = try query.yearState(global)
            let sheet = ScoreSheet(state, member: try member.map(state.knownMember))
            switch query.output.format {
            case .json:
                Render.json(YearDocument.scores(p, sheet))
            case .csv:
                Render.csv(Self.csvHeader(sheet), sheet.rows.map { Self.csvCells($0, sheet) })
            case .table:
                let lang = try global.lang
                Render.table(p.heading(lang), Self.table(sheet, lang), lang)
                if sheet.rows.contains(where: { $0.scores.contains { $0?.reviewed != nil } }) {
                    Console.line(Phrase.reviewedFootnote(lang))
                }
            }
        }

        /// `member,name,<criterion codes>,group <name>…,base,bonus,penalty,total,rank,complete,reviewed`: numbers in the
        /// criterion cells; `reviewed` lists each reviewed criterion with the self-score it overrode.
        static func csvHeader(_ sheet: ScoreSheet) -> [String] {
            ["member", "name"] + sheet.criteria.map(\.code) + sheet.groups.map { "group \($0.name ?? "")" }
                + ["base", "bonus", "penalty", "total", "rank", "complete", "reviewed"]
        }

        static func csvCells(_ row: ScoreSheet.Row, _ sheet: ScoreSheet) -> [String] {
            let reviewed = zip(sheet.criteria, row.scores).compactMap { criterion, entry -> String? in
                guard entry?.reviewed != nil else { return nil }
                return criterion.code + (entry?.submitted.map { " self \($0)" } ?? "")
            }
            return [row.member.code, row.member.name] + row.scores.map { $0?.effective.map { "\($0)" } ?? "" }
                + row.groupPoints.map { "\($0)" }
                + ["\(row.base)", "\(row.bonus)", "\(row.penalty)", "\(row.total)", row.rank.map(String.init) ?? "", String(row.complete),
                   reviewed.joined(separator: "; ")]
        }

        /// Criteria down, members across, so a sheet of a bloc's members fits a terminal; each group closed by its subtotal.
        static func table(_ sheet: ScoreSheet, _ lang: Lang) -> Table {
            let labels = [Word.criterion, .maxPoints].map { $0.text(lang) }
            var table = Table(labels + sheet.rows.map(\.member.code), rightAligned: Set(1..<(sheet.rows.count + 2)))
            guard !sheet.rows.isEmpty, !sheet.groups.isEmpty else { return table }
            var index = 0
            for (g, group) in sheet.groups.enumerated() {
                for criterion in group.criteria {
                    table.add([criterion.code, criterion.maxPoints.shown(lang)] + sheet.rows.map { cell($0.scores[index], lang) })
                    index += 1
                }
                table.add([Phrase.group(group.name, lang), group.maxPoints.shown(lang)] + sheet.rows.map { $0.groupPoints[g].shown(lang) })
            }
            let totals: [(Word, (ScoreSheet.Row) -> String)] = [
                (.base, { $0.base.shown(lang) }), (.bonus, { $0.bonus.shown(lang) }), (.penalty, { $0.penalty.shown(lang) }),
                (.total, { $0.total.shown(lang) }), (.rank, { $0.rank.map(String.init) ?? "—" }),
                (.complete, { lang.yesNo($0.complete) }),
            ]
            for (label, value) in totals { table.add([label.text(lang), ""] + sheet.rows.map(value)) }
            return table
        }

        /// `17.5` (`17,5` in Vietnamese); `8.5* (9)` where a review overrides a self-score; `—` where there is no score.
        static func cell(_ entry: ScoreEntry?, _ lang: Lang) -> String {
            guard let entry, let effective = entry.effective else { return "—" }
            guard entry.reviewed != nil else { return effective.shown(lang) }
            return "\(effective.shown(lang))*" + (entry.submitted.map { " (\($0.shown(lang)))" } ?? "")
        }
    }
}
