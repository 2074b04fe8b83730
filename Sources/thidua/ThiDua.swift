import ArgumentParser

/// thidua: the record keeper of an emulation bloc (khối thi đua).
struct ThiDua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Keep the append-only, tamper-evident record of an emulation bloc (khối thi đua).",
        discussion: """
            Every action is an event in an append-only SQLite log (--db, else $THIDUA_DB, else ./thidua.sqlite).
            Example:
              thidua init --bloc BDTW --name "Khối thi đua các ban đảng Trung ương"
              thidua append EventLog/examples/bdtw-2017-2018.jsonl
              thidua log --year 2017
              thidua verify
            """,
        subcommands: [
            InitCommand.self, AppendCommand.self, LogCommand.self, ExportCommand.self,
            DigestCommand.self, VerifyCommand.self,
        ]
    )
}
