import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua append`: JSON Lines in, all or nothing.
struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append events from JSON Lines (a file or - for standard input), all or nothing.",
        discussion: """
            Each line is one event: {"type":…, "bloc":…, "year":…, "actor":…, "occurredAt":…, "data":{…}}.
            If any line is refused, nothing is appended and the error names the line. Re-running a file
            whose lines carry ids is a no-op. Output of thidua export re-imports the same way.
            Example: thidua append EventLog/examples/bdtw-2017-2018.jsonl
            """,
        aliases: ["import"]
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "JSON Lines file, or - for standard input.")
    var file: String = "-"

    func run() throws {
        let lang = try global.lang
        let reader = try JSONLinesReader(path: file, defaultActor: try global.optionalActor())
        if let server = try global.server {
            // Read and checked as a local append reads the file; the server decides and appends, all or nothing.
            var events: [(line: Int, event: ProposedEvent)] = []
            var unreadable: (line: Int, error: any Error)?
            for item in reader {
                do throws(ThiDuaError) {
                    events.append((line: item.line ?? 0, event: try item.event.get()))
                } catch {
                    unreadable = (item.line ?? 0, error.at(line: item.line))
                    break
                }
            }
            guard !events.isEmpty || unreadable != nil else {
                Console.line(Phrase.nothingToAppend(lang))
                return
            }
            try RemoteWrite.post(events, to: server, lang, unreadable: unreadable)
            try RemoteWrite.printHead(server, lang)
            return
        }
        let store = try global.openStore(create: true)
        let report = try store.append(reader, mode: .pipelined)
        if report.appended + report.alreadyRecorded == 0 {
            Console.line(Phrase.nothingToAppend(lang))
            return
        }
        Typed.printAppended(report, lang)
        if let head = report.head {
            Console.line(Phrase.logHead(position: head.position, hash: EventHashing.hex(head.hash), lang))
        }
    }
}
