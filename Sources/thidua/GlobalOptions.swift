import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// Options every command shares (§7): where the log is, who acts, which bloc, how to print.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The log file (else $THIDUA_DB, else ./thidua.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who acts: a member code or 'secretariat' (else $THIDUA_ACTOR).", valueName: "actor"))
    var actor: String?

    @Option(name: .customLong("bloc"), help: ArgumentHelp("The bloc code, in any letter case (default: the only bloc in the log).", valueName: "code"))
    var blocOption: String?

    var bloc: String? { blocOption?.uppercased() }

    @Option(name: .customLong("server"), help: ArgumentHelp("Act on this thidua server instead of a file (else $THIDUA_SERVER), e.g. http://127.0.0.1:8080.", valueName: "url"))
    var serverOption: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of tables (default: $THIDUA_LANG, else vi).", valueName: "vi|en"))
    var langOption: Lang?

    /// The language tables speak: --lang, else $THIDUA_LANG, else Vietnamese.
    var lang: Lang { get throws { try Lang.resolve(langOption) } }

    /// Options with a value that may also be written before the command: `thidua --db x.sqlite log`.
    static let leadingOptions: Set<String> = ["--db", "--as", "--bloc", "--format", "--lang", "--server"]

    /// Moves global options written before the command name to the end, where the command's
    /// option group parses them (before a `--` terminator, if there is one).
    static func movingLeadingOptions(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard leadingOptions.contains(name) else { break }
            if argument.contains("=") {
                moved.append(argument)
                index += 1
            } else {
                moved.append(contentsOf: arguments[index..<min(index + 2, arguments.count)])
                index += 2
            }
        }
        guard !moved.isEmpty else { return arguments }
        var rest = Array(arguments[min(index, arguments.count)...])
        let insertion = rest.firstIndex(of: "--") ?? rest.count
        rest.insert(contentsOf: moved, at: insertion)
        return rest
    }

    /// --db, else $THIDUA_DB (an empty one counts as unset), else ./thidua.sqlite; `--db ""` is a usage error.
    var databasePath: String {
        get throws {
            if let db {
                guard !db.isEmpty else { throw CLIError.usage("--db needs the path of a log file; an empty path names no file") }
                return db
            }
            return ProcessInfo.processInfo.environment["THIDUA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "thidua.sqlite"
        }
    }

    /// The actor from --as or $THIDUA_ACTOR, validated; nil when neither is given.
    func optionalActor() throws -> String? {
        guard let text = actor ?? ProcessInfo.processInfo.environment["THIDUA_ACTOR"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return nil
        }
        do {
            return try Envelope.actorCode(KnownCodes.actor(text), field: "--as")
        } catch {
            throw CLIError.usage("--as \(text): not a member code or 'secretariat'")
        }
    }

    /// The actor of a typed write command: required.
    func requiredActor() throws -> String {
        guard let actor = try optionalActor() else {
            throw CLIError.usage("who is acting? pass --as CODE (a member code or 'secretariat') or set THIDUA_ACTOR")
        }
        return actor
    }

    /// The log for a command that writes: its schema brought up to date; created when `create` is true.
    func openStore(create: Bool = false) throws -> EventStore {
        try refuseRemote()
        return try EventStore(path: databasePath, create: create)
    }

    /// The log for a command that only reads: opened read-only, never created, migrated or changed (§14).
    func openForReading() throws -> EventStore {
        try refuseRemote()
        return try EventStore(readingAt: databasePath)
    }
}

/// How a query prints: an aligned table for people, JSON or CSV for other systems.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}
