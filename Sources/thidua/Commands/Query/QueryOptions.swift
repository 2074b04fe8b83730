import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// Options of the queries that read a year's projections.
struct YearQueryOptions: ParsableArguments {
    @Option(help: "The year (default: the latest year of the bloc).") var year: Int?
    @OptionGroup var output: FormatOption

    /// The stored projection of the year asked for; never reads events.
    func projection(_ global: GlobalOptions) throws -> YearProjection {
        let store = try global.openStore()
        let bloc = try store.resolveBloc(global.bloc)
        guard let year = try year ?? store.years(bloc: bloc).last else {
            throw CLIError.rejected("bloc \(bloc) has no year yet; open one with thidua year open YEAR --member CODE=\"Name\" …")
        }
        guard let projection = try store.projection(bloc: bloc, year: year) else {
            throw CLIError.rejected("year \(year) of \(bloc) has not been opened")
        }
        return projection
    }
}

extension YearProjection {
    /// `"bloc","year","position","status"` and the given fields.
    func document(_ fields: JSONObject) -> JSON {
        var out = fields
        out["bloc"] = .string(bloc)
        out["year"] = JSON(year)
        out["position"] = JSON(Int(position))
        out["status"] = .string(status)
        return .object(out)
    }

    var heading: String { "\(bloc) \(year) — \(status), as of position \(position)" }
}

/// Prints a document in the format asked for.
enum Render {
    static func json(_ value: JSON) { Console.line(value.canonicalText) }

    static func csv(_ header: [String], _ rows: [[String]]) {
        Console.line(CSV.row(header))
        for row in rows { Console.line(CSV.row(row)) }
    }

    static func table(_ heading: String, _ table: Table) {
        Console.line(heading)
        Console.line(table.rows.isEmpty ? "(none)" : table.render())
    }
}
