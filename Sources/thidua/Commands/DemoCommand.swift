import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaStore

/// `thidua demo`: a demo log from the seed history (built in, or files given), and what it shows.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo log from the seed history and show the 2017 standings, the 2018 officers, the pact and the proposals.",
        discussion: """
            The seed history (EventLog/examples/bdtw-2017-2018.jsonl) is built into the binary, so this works from any
            directory. It writes only into a new or empty log, or one that holds just the demo bloc; running it again is
            a no-op (every example line has an id). Example: thidua --db demo.sqlite demo
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "A folder of histories (*.jsonl, appended in name order) to use instead of the built-in seed history.")
    var examples: String?

    func run() throws {
        try global.refuseRemote("demo", "it writes a demonstration log file on this machine")
        let histories = try examples.map { try Self.exampleFiles(in: $0).map(History.file) } ?? [Self.embedded]
        let lang = try global.lang
        try refuseOtherBlocs(demo: Self.blocs(in: histories))
        let store = try global.openStore(create: true)
        for history in histories {
            let report = try store.append(history.items)
            Console.line(Visible.escaped(Phrase.demoAppended(file: history.name(lang), appended: report.appended, alreadyRecorded: report.alreadyRecorded, lang)))
        }
        Console.line(Visible.escaped(Phrase.demoLog(store.path, lang)) + "\n")
        var global = global
        global.db = store.path
        for arguments in [["standings", "--year", "2017"], ["awards", "--year", "2017"], ["officers", "--year", "2018"],
                          ["pact", "--year", "2018"]] {
            var command = try ThiDua.parseAsRoot(arguments + ["--db", store.path] + (global.bloc.map { ["--bloc", $0] } ?? [])
                                                 + (global.langOption.map { ["--lang", $0.rawValue] } ?? []))
            try command.run()
            Console.line("")
        }
        Console.line(Phrase.demoNext(lang))
    }

    /// An existing log may be added to only when every bloc it holds is a demo bloc; it is read, not opened to write.
    func refuseOtherBlocs(demo: Set<String>) throws {
        let path = try global.databasePath
        guard FileManager.default.fileExists(atPath: path), (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) != 0 else {
            return
        }
        let others = try EventStore(readingAt: path).blocs().filter { !demo.contains($0) }
        guard others.isEmpty else {
            throw CLIError.rejected("\(path) holds bloc \(others.joined(separator: ", ")); demo writes only into a new or empty log "
                                    + "or one holding just the demo bloc \(demo.sorted().joined(separator: ", ")), so nothing was written; "
                                    + "run it with --db demo.sqlite")
        }
    }

    /// The blocs the example histories write to.
    static func blocs(in histories: [History]) throws -> Set<String> {
        var blocs: Set<String> = []
        for history in histories {
            for item in try history.items {
                if case .success(let event) = item.event { blocs.insert(event.bloc) }
            }
        }
        return blocs
    }

    /// An example history: the one built into the binary, or a file given with --examples.
    enum History {
        case builtIn(name: String, bytes: [UInt8])
        case file(String)

        func name(_ lang: Lang) -> String {
            switch self {
            case .builtIn(let name, _): name + (lang == .vi ? " (có sẵn trong thidua)" : " (built in)")
            case .file(let path): path
            }
        }

        var items: AnySequence<AppendItem> {
            get throws {
                switch self {
                case .builtIn(_, let bytes): AnySequence(BufferLines(bytes: bytes, defaultActor: nil))
                case .file(let path): AnySequence(try JSONLinesReader(path: path, defaultActor: nil))
                }
            }
        }
    }

    /// The seed history of EventLog/examples, embedded when thidua is built.
    static let embedded = History.builtIn(name: "bdtw-2017-2018.jsonl", bytes: PackageResources.bdtw_2017_2018_jsonl)

    static func exampleFiles(in folder: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CLIError.rejected("cannot read the folder \(folder); pass --examples a folder of .jsonl histories, or leave it out for the built-in one")
        }
        let files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder + "/" + $0 }
        guard !files.isEmpty else { throw CLIError.rejected("no .jsonl files in \(folder)") }
        return files
    }
}
