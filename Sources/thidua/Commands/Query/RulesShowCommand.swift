import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua rules [--year Y]`: the rules in force for a year, read from the bloc's stream.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "The rules in force for a year: majority, quorum and the award kinds (the default).",
        discussion: "Example: thidua rules --year 2024 --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "The year (default: the latest year of the bloc).") var year: Int?
    @OptionGroup var output: FormatOption

    func run() throws {
        let remote = try global.server.map { try RemoteState($0, bloc: global.bloc, year: nil, yearState: false) }
        let store = try remote == nil ? global.openForReading() : nil
        let code = try remote?.bloc ?? store?.resolveBloc(global.bloc) ?? ""
        guard let year = try year ?? (remote?.years ?? store?.years(bloc: code))?.last else {
            throw CLIError.usage("which year? give it as --year YEAR (bloc \(code) has no year yet)")
        }
        let rules = try (remote?.blocState ?? store?.blocState(bloc: code) ?? BlocState(code: code)).rules(forYear: year)
        let fromYear = rules.fromYear == Rules.defaults.fromYear ? nil : rules.fromYear
        switch output.format {
        case .json:
            Render.json(.object([
                "bloc": .string(code), "year": JSON(year), "fromYear": fromYear.map { JSON($0) } ?? .null,
                "majority": .string(rules.majority.lowestTerms), "quorum": .string(rules.quorum.lowestTerms),
                "awards": .array(rules.awardKinds.map(\.json)), "signatures": .string(rules.signatures.rawValue),
            ]))
        case .csv:
            Render.csv(["kind", "name", "onlyFirst", "limit"], rules.awardKinds.map {
                [$0.kind.rawValue, $0.name, String($0.onlyFirst), $0.limit.map(String.init) ?? ""]
            })
        case .table:
            let lang = try global.lang
            let heading = Phrase.rulesHeading(bloc: code, year: year, fromYear: fromYear, majority: rules.majority.lowestTerms,
                                              quorum: rules.quorum.lowestTerms, lang)
            for line in heading.split(separator: "\n") { Console.line(Visible.escaped(String(line))) }
            var table = Table([.awardKind, .awardName, .onlyFirst, .limit], lang, rightAligned: [3])
            for a in rules.awardKinds {
                table.add([a.kind.rawValue, a.name, a.onlyFirst ? Word.yes.text(lang) : "", a.limit.map(String.init) ?? ""])
            }
            Console.line(table.render())
        }
    }
}

extension AwardDefinition {
    /// `{"kind","name","onlyFirst","limit"}`, the limit null when there is none.
    var json: JSON {
        .object(["kind": .string(kind.rawValue), "name": .string(name), "onlyFirst": .bool(onlyFirst),
                 "limit": limit.map { JSON($0) } ?? .null])
    }
}

extension Fraction {
    /// `1/2` for a majority adopted as 0.5 (stored as 5/10).
    var lowestTerms: String {
        var (a, b) = (numerator, denominator)
        while b != 0 { (a, b) = (b, a % b) }
        guard a > 1 else { return description }
        return Fraction(numerator / a, denominator / a).description
    }
}
