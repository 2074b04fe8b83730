import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// Options of every typed write in a year's stream.
struct YearWriteOptions: ParsableArguments {
    @Option(help: "The emulation year.")
    var year: Int

    @OptionGroup var event: EventOptions
}

/// The year of `year open|close|reopen`: positional (`year close 2024`) or `--year 2024`.
struct YearChoice: ParsableArguments {
    @Argument(help: ArgumentHelp("The year.", valueName: "year")) var positional: Int?
    @Option(name: .customLong("year"), parsing: .unconditional, help: "The year (the same as the positional form).") var option: Int?

    var value: Int {
        get throws {
            switch (positional, option) {
            case let (given?, nil), let (nil, given?): return given
            case let (a?, b?) where a == b: return a
            case let (a?, b?): throw CLIError.usage("the year is given twice, as \(a) and --year \(b); give it once")
            case (nil, nil): throw CLIError.usage("which year? give it as YEAR or --year YEAR")
            }
        }
    }
}

/// Envelope options every typed write accepts.
struct EventOptions: ParsableArguments {
    @Option(name: .customLong("occurred-at"), help: ArgumentHelp("When it happened, ISO 8601 with offset, or a date alone for 12:00 +07:00 that day (default: now).", valueName: "time"))
    var occurredAt: String?

    @Option(help: "Free text linking the events of one decision, e.g. the minutes' number.")
    var correlation: String?

    @Option(name: .customLong("event-id"), help: "A UUID for this event, so that running the command again is a no-op.")
    var id: String?

    @Option(help: ArgumentHelp("Sign the event with this private key file (else $THIDUA_KEY when set); the key's holder must be the actor.", valueName: "file"))
    var key: String?
}

/// Builds, appends and reports one typed event.
enum Write {
    @discardableResult
    static func append(_ type: EventType, year: Int?, data: JSONObject, global: GlobalOptions,
                       event options: EventOptions, actor: String? = nil, schema: Int = EventType.currentSchema,
                       keeping documents: [EvidenceDocument] = []) throws -> (AppendReport, YearState?)? {
        let actor = try actor ?? global.requiredActor()
        let lang = try global.lang
        if let server = try global.server {
            let bloc = try RemoteWrite.bloc(global.bloc, server)
            let proposed = try EventSigning.signed(
                try Typed.event(type, bloc: bloc, year: year, actor: actor, occurredAt: options.occurredAt,
                                data: data, correlation: options.correlation, id: options.id, schema: schema),
                key: options.key)
            // Only an event that could be built and signed has its documents handed over, and they go before it.
            for document in documents {
                _ = try RemoteEvidence.keep(document, on: server, bloc: bloc, actor: actor, key: options.key)
            }
            try RemoteWrite.append(proposed, to: server, year: year, lang)
            return nil
        }
        let store = try global.openStore()
        let bloc = try store.resolveBloc(global.bloc)
        let proposed = try EventSigning.signed(
            try Typed.event(type, bloc: bloc, year: year, actor: actor, occurredAt: options.occurredAt, data: data,
                            correlation: options.correlation, id: options.id, schema: schema),
            key: options.key)
        let report = try store.append([proposed], keeping: documents)
        Typed.printAppended(report, lang)
        let state = year.flatMap { report.years[StreamID(bloc: bloc, year: $0)] }
        if let decided = report.outcomes.first?.decided {
            Console.line(Visible.escaped(state.map { Effect.describe(decided.payload, in: $0, lang) } ?? Summary.of(decided.payload, lang)))
        }
        return (report, state)
    }

    /// A decimal given on the command line, kept exact.
    /// A number as typed: `18.5`, or with the decimal comma people write (`18,5`).
    static func number(_ text: String, option: String) throws -> JSON {
        let written = text.filter { $0 == "," }.count == 1 && !text.contains(".") ? text.replacingOccurrences(of: ",", with: ".") : text
        guard case .number(let number)? = try? JSON.parse(written) else {
            throw CLIError.usage("\(option) \(text): not a number; write it like 18.5 or 18,5")
        }
        return .number(number)
    }

    static func codes(_ values: [String]) -> JSON {
        .array(values.flatMap { $0.split(separator: ",") }.map { .string($0.trimmingCharacters(in: .whitespaces).uppercased()) })
    }

    /// A code typed in any letter case, used upper-cased (§10 "Codes").
    static func code(_ value: String) -> JSON { .string(value.uppercased()) }

    static func optional(_ value: String?) -> JSON? { value.map(JSON.string) }

    /// An award kind typed in any letter case, used lower-cased (kinds are lowercase, like government-flag).
    static func awardKind(_ value: String) -> JSON { .string(value.lowercased()) }
}

extension JSONObject {
    /// Drops the fields left unset.
    static func fields(_ pairs: KeyValuePairs<String, JSON?>) -> JSONObject {
        var out = JSONObject()
        for (key, value) in pairs { if let value { out[key] = value } }
        return out
    }
}
