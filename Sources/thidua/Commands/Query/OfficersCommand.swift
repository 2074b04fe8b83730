import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua officers`: the year's head and deputies; `thidua officers appoint`: rotation without a vote.
struct OfficersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officers", abstract: "The year's head (Khối trưởng) and deputies (Khối phó); appoint them.",
        discussion: "Example: thidua officers --year 2018", subcommands: [Show.self, Appoint.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", 
        abstract: "Show the year's head and deputies (the default), and those elected for next year's term.",
        discussion: "Example: thidua officers --year 2018 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let (p, state) = try query.yearState(global)
        let next = state.nextTerm, term = p.year + 1
        let roles = ([p.head].compactMap { $0 }.map { ("head", $0) }) + p.deputies.map { ("deputy", $0) }
        let elect = ([next.head].compactMap { $0 }.map { ("next-head", $0) }) + next.deputies.map { ("next-deputy", $0) }
        switch query.output.format {
        case .json: Render.json(YearDocument.officers(p, state))
        case .csv: Render.csv(["role", "member", "name"], (roles + elect).map { [$0.0, $0.1, p.name(of: $0.1)] })
        case .table:
            let lang = try global.lang
            var table = Table([.role, .member, .name], lang)
            let shown = { (code: String) in
                p.name(of: code) + (p.members.first { $0.code == code }?.active == false ? " (\(Word.withdrawnMark.text(lang)))" : "")
            }
            for (role, code) in roles { table.add([(role == "head" ? Word.head : Word.deputy).text(lang), code, shown(code)]) }
            for (role, code) in elect {
                table.add([(role == "next-head" ? Word.head : Word.deputy).text(lang) + " \(term)", code, p.name(of: code)])
            }
            Render.table(p.heading(lang), table, lang)
            if !next.isEmpty { Console.line(Phrase.electedForNextTerm(term: term, elections: next.elections, lang)) }
        }
    }
    }

    struct Appoint: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "appoint", 
            abstract: "Appoint the officers by agreement, without a vote (officers).",
            discussion: #"Example: thidua --as BNCTW officers appoint --year 2018 --head BKTTW --deputy UBKTTW --deputy BDVTW --basis "Luân phiên theo quy chế""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The head.") var head: String
        @Option(help: "A deputy (repeatable).") var deputy: [String] = []
        @Option(help: "On what basis, e.g. the rotation rule.") var basis: String
        func run() throws {
            try Write.append(.officersAppointed, year: options.year, data: [
                "head": Write.code(head), "deputies": Write.codes(deputy), "basis": .string(basis),
            ], global: global, event: options.event)
        }
    }
}
