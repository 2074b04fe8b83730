import ArgumentParser
import ThiDuaLog
import ThiDuaStore

/// `thidua backup`: a consistent copy of the log while writers go on, verified, with its digest.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the log to a new file while others keep writing, verify the copy and print its digest.",
        discussion: """
            The copy is the log as it stood at one moment; its digest is the source's at that position
            (thidua digest --at POS on the source shows the same). Never overwrites a file.
            Example: thidua backup /mnt/usb/bdtw-2026-11-30.sqlite
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The new file to write the copy into; it must not exist.")
    var destination: String

    @Flag(help: "Verify the copy with SQLite's quick_check instead of integrity_check.")
    var quick = false

    func run() throws {
        guard !destination.isEmpty else { throw CLIError.usage("backup needs the path of a new file") }
        // Ctrl-C (or SIGTERM, SIGHUP) is noted while the copy is made and checked; the unfinished copy is then removed.
        StopSignals.catchThem()
        let building = try global.openForReading().backup(to: destination)
        Self.endIfStopped(removing: building)
        let report: VerifyReport
        do {
            report = try EventStore(readingAt: building).verify(quick: quick)
        } catch {
            EventStore.removeBackup(building)
            throw CLIError(description: "the copy of the log cannot be read back (\(error)); nothing was written", exitCode: 2)
        }
        Self.endIfStopped(removing: building)
        try EventStore.publishBackup(building, at: destination)
        guard report.isIntact else {
            throw CLIError(description: "the copy at \(destination) does not verify, so neither does the log it copies: "
                           + VerificationFailure(report: report).description + "; run thidua verify on both", exitCode: 2)
        }
        Console.line("backed up \(report.rows) event(s) to \(Visible.escaped(destination)); the copy verifies")
        if let head = report.head { Console.line("digest \(head.position):\(EventHashing.hex(head.hash))") }
    }

    static func endIfStopped(removing building: String) {
        guard StopSignals.received != 0 else { return }
        EventStore.removeBackup(building)
        Console.error("error: the backup was stopped; nothing was written")
        StopSignals.end(as: StopSignals.received)
    }
}
