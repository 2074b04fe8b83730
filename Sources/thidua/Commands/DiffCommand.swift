import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua diff`: what changed in a year between two moments, and which events changed it.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed in a year between two moments — scores, ranks, officers, signatures, awards — with the events that caused it.",
        discussion: """
            A moment is a time (valid time: what had occurred by then; a date alone is the end of that day, +07:00)
            or a log position (a whole number).
            Example: thidua diff --year 2017 --from 2017-12-31 --to 2018-03-30
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "The year.") var year: Int
    @Option(help: ArgumentHelp("The earlier moment: a time or a position.", valueName: "T|POS")) var from: String
    @Option(help: ArgumentHelp("The later moment (default: now).", valueName: "T|POS")) var to: String?
    @OptionGroup var output: FormatOption

    /// A year at one moment: its state and the position it was replayed to.
    struct Moment {
        var state: YearState
        var position: Int64
    }

    func run() throws {
        let fromBounds = try Self.bounds(from, "--from")
        let toBounds = try to.map { try Self.bounds($0, "--to") } ?? ReplayBounds()
        let bloc: String, before: Moment, after: Moment, window: [RecordedEvent]
        if let server = try global.server {
            (bloc, before, after, window) = try Self.remote(server, bloc: global.bloc, year: year, from: fromBounds, to: toBounds)
        } else {
            let store = try global.openForReading()
            bloc = try store.resolveBloc(global.bloc)
            let early = try store.replay(bloc: bloc, year: year, bounds: fromBounds, keepEvents: true)
            let late = try store.replay(bloc: bloc, year: year, bounds: toBounds, keepEvents: true)
            let folded = Set(early.events.map(\.position))
            (before, after) = (Moment(state: early.state, position: early.position), Moment(state: late.state, position: late.position))
            window = late.events.filter { !folded.contains($0.position) }.map(\.recorded)
        }
        let decoded = window.compactMap { event in DomainEvent(recorded: event).map { (position: event.position, event: $0) } }
        let changes = YearDiff.changes(from: before.state, to: after.state, events: decoded)
        let byPosition = Dictionary(window.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        switch output.format {
        case .json:
            let list = changes.map { change in
                JSON.object([
                    "kind": .string(change.kind.rawValue), "subject": .string(change.subject), "before": .string(change.before),
                    "after": .string(change.after),
                    "events": .array(change.causes.compactMap { byPosition[$0] }.map { e in
                        .object(["position": JSON(Int(e.position)), "type": .string(e.type), "actor": .string(e.actor),
                                 "occurredAt": .string(e.occurredAt), "recordedAt": .string(e.recordedAt), "summary": .string(Summary.of(e, .en))])
                    }),
                ])
            }
            Console.line(JSON.object([
                "bloc": .string(bloc), "year": JSON(year), "from": .string(from), "to": .string(to ?? "now"),
                "fromPosition": JSON(Int(before.position)), "toPosition": JSON(Int(after.position)),
                "fromStateHash": .string(StateDocument(before.state).stateHash), "toStateHash": .string(StateDocument(after.state).stateHash),
                "changes": .array(list),
            ]).canonicalText)
        case .csv:
            Render.csv(["kind", "subject", "before", "after", "events"], changes.map {
                [$0.kind.rawValue, $0.subject, $0.before, $0.after, $0.causes.map(String.init).joined(separator: " ")]
            })
        case .table:
            let lang = try global.lang
            Console.line(Visible.escaped(Phrase.diffHeading(bloc: bloc, year: year, from: from, fromPosition: before.position, to: to,
                                                            toPosition: after.position, events: window.count, lang)))
            if changes.isEmpty { Console.line(Phrase.noChanges(lang)); return }
            var table = Table([.kind, .subject, .before, .after, .causedBy], lang)
            for change in changes {
                let text = DiffText(before: before.state, after: after.state, lang: lang)
                table.add([change.kind.shown(lang), text.subject(change), text.before(change), text.after(change),
                           Self.causes(change.causes, byPosition, lang)])
            }
            Console.line(table.render())
        }
    }

    static func causes(_ positions: [Int64], _ events: [Int64: RecordedEvent], _ lang: Lang) -> String {
        let shown = positions.prefix(3).compactMap { events[$0] }.map { Phrase.cause(position: $0.position, type: $0.type, actor: $0.actor, lang) }
        return shown.joined(separator: "; ") + (positions.count > 3 ? "; " + Phrase.more(positions.count - 3, lang) : "")
    }

    static func bounds(_ text: String, _ option: String) throws -> ReplayBounds {
        if let position = Int64(text) { return ReplayBounds(at: position) }
        return ReplayBounds(asOf: try ReplayBoundOptions.time(text, option))
    }
}
