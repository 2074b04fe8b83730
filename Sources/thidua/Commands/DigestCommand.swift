import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua digest`: the head of the chain, to write in the minutes.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print the head position and hash as POS:HEX, to write in the minutes.",
        discussion: "Example: thidua digest (prints e.g. 245:9b0f…). Later, thidua verify --digest POS:HEX proves the log up to POS is unchanged."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp("The digest at an earlier position instead of the head (e.g. a backup's).", valueName: "POS"))
    var at: Int64?

    func run() throws {
        if let server = try global.server { return try runRemote(server) }
        let store = try global.openForReading()
        guard var head = try store.head() else { throw CLIError.rejected("the log is empty; there is nothing to digest") }
        if let at {
            guard at >= 1, at <= head.position, let hash = try store.hash(at: at) else {
                throw CLIError.rejected("the log has no position \(at); it ends at \(head.position)")
            }
            head = (at, hash)
        }
        let hex = EventHashing.hex(head.hash)
        switch output.format {
        case .json: Console.line(YearDocument.digest(position: head.position, hash: head.hash).canonicalText)
        case .csv: Console.line("position,hash\n\(head.position),\(hex)")
        case .table: Console.line("\(head.position):\(hex)")
        }
    }
}
