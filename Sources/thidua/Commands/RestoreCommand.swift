import ArgumentParser
import ThiDuaLog
import ThiDuaStore

/// `thidua restore`: an identical log rebuilt from a verbatim export, into a new file.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Rebuild the identical log (positions, recordedAt, hashes, digest) from a verbatim export, into a new file.",
        discussion: """
            The file is checked as verify --export checks it while it is read (the chain, and every event re-decided);
            the target must be missing or an empty log. All or nothing: on any refusal nothing is written.
            Example: thidua restore bdtw.verbatim.jsonl --db copy.sqlite
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A file written by thidua export --verbatim, or - for standard input.")
    var file: String

    func run() throws {
        let path = try global.databasePath
        let report: RestoreReport
        // Ctrl-C (or SIGTERM, SIGHUP) stops the restore between lines; nothing is written and the file being built is removed.
        StopSignals.catchThem()
        do {
            report = try EventStore.restore(from: file, into: path, stopped: { StopSignals.received != 0 })
        } catch let refusal as VerbatimRefusal {
            throw CLIError(description: "restore: \(file) \(refusal); nothing was written", exitCode: 2)
        } catch where StopSignals.received != 0 {
            Console.flush()
            Console.error("error: \(error)")
            StopSignals.end(as: StopSignals.received)
        }
        Console.line("restored \(report.events) event(s) into \(Visible.escaped(path))")
        if report.events > 0 { Console.line("digest \(report.head.position):\(EventHashing.hex(report.head.hash))") }
    }
}
