import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua replay`: a year's whole state from the log alone, at any moment, with its stateHash.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild a year's whole state from the log alone (never the projections), as of any moment.",
        discussion: """
            --as-of, --known-at and --at combine. The stateHash is the same for the same log on any machine,
            and for a log and its export re-imported elsewhere.
            Example: thidua replay --year 2017 --as-of 2018-03-30 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "The year.") var year: Int
    @OptionGroup var bounds: ReplayBoundOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        if let server = try global.server { return try runRemote(server) }
        let store = try global.openForReading()
        let bloc = try store.resolveBloc(global.bloc)
        let replay = try store.replay(bloc: bloc, year: year, bounds: try bounds.bounds)
        switch output.format {
        case .json: Console.line(YearDocument.replay(replay).canonicalText)
        case .csv: throw CLIError.usage("replay prints a table or JSON; for CSV use the queries (standings, elections, …)")
        case .table:
            let lang = try global.lang
            ReplayReport.print(replay, bounds: bounds.summary(lang), lang)
        }
    }
}

extension ReplayCommand {
    /// The server's replay: `--format json` prints its `GET /v1/years/{year}/replay`; the table is drawn, as from the
    /// file, from the state, position and bloc the server's replay left (`GET /v1/state?replay=true`).
    func runRemote(_ server: RemoteServer) throws {
        let b = try bounds.bounds
        switch output.format {
        case .json:
            var query: [(String, String)] = []
            if let bloc = global.bloc { query.append(("bloc", bloc)) }
            if let asOf = b.asOf { query.append(("asOf", asOf.text)) }
            if let knownAt = b.knownAt { query.append(("knownAt", knownAt.text)) }
            if let at = b.at { query.append(("at", String(at))) }
            Console.line(try server.json("/v1/years/\(year)/replay", query).canonicalText)
        case .csv: throw CLIError.usage("replay prints a table or JSON; for CSV use the queries (standings, elections, …)")
        case .table:
            let remote = try RemoteState(server, bloc: global.bloc, year: year, replay: b)
            guard let (projection, state) = remote.year else { throw RemoteState.unreadable(server) }
            let lang = try global.lang
            ReplayReport.print(Replay(state: state, position: projection.position, bloc: remote.blocState), bounds: bounds.summary(lang), lang)
        }
    }
}

/// The replayed state as a person reads it.
enum ReplayReport {
    static func print(_ replay: Replay, bounds: String, _ lang: Lang) {
        let s = replay.state
        let name = { (code: String) in Visible.escaped(s.members[code]?.name ?? code) }
        let none = Phrase.none(lang)
        Console.line(Visible.escaped(Phrase.replayed(bloc: s.bloc, year: s.year, status: s.status, position: replay.position, bounds: bounds, lang)))
        Console.line("stateHash \(replay.document.stateHash)")
        section(.members, lang)
        var members = Table([.code, .name, .active], lang)
        for m in s.members.values { members.add([m.code, m.name, (m.active ? Word.activeMark : .withdrawnMark).text(lang)]) }
        Console.line(members.render())
        section(.officers, lang)
        Console.line(Word.head.text(lang) + ": " + (s.head.map { "\($0) \(name($0))" } ?? Phrase.nobody(lang)))
        Console.line(Word.deputy.text(lang) + ": "
                     + (s.deputies.isEmpty ? Phrase.nobody(lang) : s.deputies.map { "\($0) \(name($0))" }.joined(separator: "; ")))
        section(.criteria, lang)
        var criteria = Table([.code, .group, .kind, .maxPoints, .criterionTitle, .retired], lang, rightAligned: [3])
        for c in s.criteria.values {
            criteria.add([c.code, c.group ?? "", c.kind.shown(lang), c.maxPoints.shown(lang), c.title, c.retired ? Word.retiredMark.text(lang) : ""])
        }
        Console.line(criteria.rows.isEmpty ? none : criteria.render())
        section(.scores, lang)
        var scores = Table([.member, .criterion, .submitted, .reviewed, .effective], lang, rightAligned: [2, 3, 4])
        for m in s.members.values {
            for (code, entry) in (s.scores[m.code] ?? [:]).sorted(by: { $0.key < $1.key }) {
                scores.add([m.code, code, entry.submitted.shown(lang, else: ""), entry.reviewed.shown(lang, else: ""),
                            entry.effective.shown(lang, else: "")])
            }
        }
        Console.line(scores.rows.isEmpty ? none : scores.render())
        section(.standings, lang)
        let standings = Render.standings(s.standings, lang)
        Console.line(standings.rows.isEmpty ? none : standings.render())
        section(.elections, lang)
        let elections = Render.elections(s.elections.values.map(ElectionRow.init), terms: s.electionTerms, lang) {
            AwardKind(rawValue: $0).flatMap { replay.bloc.awardName($0, year: s.year) } ?? Stored.awardName($0)
        }
        Console.line(elections.rows.isEmpty ? none : elections.render())
        section(.pact, lang)
        Console.line(Phrase.pactSummary(clauses: s.pact.clauses.count, signatures: s.pact.signatures.count, inForce: s.pactInForce, lang))
        section(.awards, lang)
        var awards = Table([.member, lang == .vi ? .award : .kind, .status, .decision], lang)
        for a in s.awards.values {
            awards.add([a.member, lang == .vi ? replay.bloc.awardName(a.kind, year: s.year) ?? Stored.awardName(a.kind.rawValue) : a.kind.rawValue, a.status.shown(lang),
                        [a.decision, a.date.map { Shown.moment($0, lang) }].compactMap { $0 }.joined(separator: ", ")])
        }
        Console.line(awards.rows.isEmpty ? none : awards.render())
    }

    static func section(_ title: Word, _ lang: Lang) {
        Console.line("")
        Console.line(title.text(lang))
    }
}
