import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaStore

/// `thidua demo`: a demo log from EventLog/examples, and what it shows.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo log from EventLog/examples and show the 2017 standings, the 2018 officers, the pact and the proposals.",
        discussion: "Run it from the thidua checkout (or pass --examples). Running it again is a no-op: every example line has an id.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The folder of example histories (*.jsonl, appended in name order).")
    var examples = "EventLog/examples"

    func run() throws {
        let files = try Self.exampleFiles(in: examples)
        let store = try global.openStore(create: true)
        for file in files {
            let report = try store.append(try JSONLinesReader(path: file, defaultActor: nil))
            Console.line("\(file): \(report.appended) event(s) appended, \(report.alreadyRecorded) already recorded")
        }
        Console.line("log: \(store.path)\n")
        var global = global
        global.db = store.path
        for arguments in [["standings", "--year", "2017"], ["awards", "--year", "2017"], ["officers", "--year", "2018"],
                          ["pact", "--year", "2018"]] {
            var command = try ThiDua.parseAsRoot(arguments + ["--db", store.path] + (global.bloc.map { ["--bloc", $0] } ?? []))
            try command.run()
            Console.line("")
        }
        Console.line("Next: thidua log --year 2017 --member BNCTW, thidua elections --year 2018, thidua verify")
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
