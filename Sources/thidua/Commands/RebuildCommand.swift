import ArgumentParser
import ThiDuaStore

/// `thidua rebuild`: recreate every projection from the log.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Recreate the projections (standings, officers, pact, elections, awards) from the log.",
        discussion: "Run it when verify reports that projections differ from the log. Example: thidua rebuild")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.refuseRemote("rebuild", "it rebuilds the projections of a file; run it where the file is, with the server stopped")
        let store = try global.openStore()
        let years = try store.rebuild()
        Console.line("rebuilt the projections of \(years) year(s) from the log")
    }
}
