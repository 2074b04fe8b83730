import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// `thidua elections`: each election with its tally and derived result.
struct ElectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elections", abstract: "The year's elections, tallies and results.",
        discussion: "Example: thidua elections --year 2018 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let p = try query.projection(global)
        switch query.output.format {
        case .json: Render.json(p.document(["elections": .array(p.elections.map(\.json))]))
        case .csv:
            Render.csv(["id", "office", "seats", "method", "candidate", "votes", "elected", "ballots", "status", "outcome"],
                       p.elections.flatMap { e in
                           e.candidates.map { c in
                               [e.id, e.office, String(e.seats), e.method, c, String(e.tally[c] ?? 0), String(e.elected.contains(c)),
                                String(e.ballots), e.status, e.outcome]
                           }
                       })
        case .table:
            var table = Table(["election", "office", "seats", "method", "ballots", "tally", "outcome", "elected"], rightAligned: [2, 4])
            for e in p.elections {
                let tally = e.candidates.map { "\($0) \(e.tally[$0] ?? 0)" }.joined(separator: ", ")
                table.add([e.id, e.office + (e.award.map { " (\($0))" } ?? ""), String(e.seats), e.method, String(e.ballots), tally,
                           e.outcome, e.elected.joined(separator: ", ")])
            }
            Render.table(p.heading, table)
        }
    }
}

extension ElectionRow {
    var json: JSON {
        .object(["id": .string(id), "office": .string(office), "seats": JSON(seats), "method": .string(method),
                 "award": award.map(JSON.string) ?? .null, "candidates": .array(candidates.map(JSON.string)),
                 "ballots": JSON(ballots), "tally": .object(tally.mapValues { JSON($0) }), "status": .string(status),
                 "outcome": .string(outcome), "elected": .array(elected.map(JSON.string))])
    }
}
