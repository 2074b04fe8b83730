import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaStore

/// `thidua demo`: a demo log from EventLog/examples, and what it shows.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo log from EventLog/examples and show the 2017 standings, the 2018 officers, the pact and the proposals.",
        discussion: """
            It writes only into a new or empty log, or one that holds just the demo bloc; running it again is a no-op
            (every example line has an id). The examples are found in ./EventLog/examples or in the thidua checkout the
            binary was built in (or pass --examples). Example: thidua --db demo.sqlite demo
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The folder of example histories (*.jsonl, appended in name order; default: EventLog/examples).")
    var examples: String?

    func run() throws {
        let folder = try examples ?? Self.defaultExamples()
        let files = try Self.exampleFiles(in: folder)
        let lang = try global.lang
        try refuseOtherBlocs(demo: Self.blocs(in: files))
        let store = try global.openStore(create: true)
        for file in files {
            let report = try store.append(try JSONLinesReader(path: file, defaultActor: nil))
            Console.line(Visible.escaped(Phrase.demoAppended(file: file, appended: report.appended, alreadyRecorded: report.alreadyRecorded, lang)))
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
    static func blocs(in files: [String]) throws -> Set<String> {
        var blocs: Set<String> = []
        for file in files {
            for item in try JSONLinesReader(path: file, defaultActor: nil) {
                if case .success(let event) = item.event { blocs.insert(event.bloc) }
            }
        }
        return blocs
    }

    /// ./EventLog/examples, else the one in the checkout the running binary was built in (`.build/…/thidua`).
    static func defaultExamples() throws -> String {
        let relative = "EventLog/examples"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if let executable = Bundle.main.executableURL { directory = executable.resolvingSymlinksInPath().deletingLastPathComponent() }
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw CLIError.rejected("no examples found in ./\(relative) nor beside the thidua binary; pass --examples PATH to the thidua checkout's \(relative)")
    }

    static func exampleFiles(in folder: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CLIError.rejected("no examples at \(folder); run thidua demo from the thidua checkout or pass --examples PATH")
        }
        let files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder + "/" + $0 }
        guard !files.isEmpty else { throw CLIError.rejected("no .jsonl files in \(folder)") }
        return files
    }
}
