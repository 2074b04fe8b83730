import ArgumentParser

/// thidua: the record keeper of an emulation bloc (khối thi đua).
struct ThiDua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Keep the append-only, tamper-evident record of an emulation bloc (khối thi đua).",
        discussion: """
            Every action is an event in an append-only SQLite log (--db, else $THIDUA_DB, else ./thidua.sqlite).
            Example:
              thidua demo
              thidua standings --year 2017
              thidua --as BNCTW score submit --year 2017 --criterion 1.1 --points 18.5
              thidua verify
            """,
        subcommands: [
            DemoCommand.self, InitCommand.self, AppendCommand.self,
            YearCommand.self, MemberCommand.self, RulesCommand.self, CriterionCommand.self, ScoreCommand.self, ScoresCommand.self,
            ElectionCommand.self, VoteCommand.self, OfficersCommand.self, PactCommand.self, RegistrationCommand.self,
            AwardCommand.self,
            KeyCommand.self, KeysCommand.self, SignCommand.self, EvidenceCommand.self, ServeCommand.self,
            StandingsCommand.self, ElectionsCommand.self, AwardsCommand.self, CriteriaCommand.self, RegistrationsCommand.self,
            LogCommand.self, ReplayCommand.self, ReportCommand.self, DiffCommand.self, ExportCommand.self, RestoreCommand.self, BackupCommand.self, DigestCommand.self, VerifyCommand.self, RebuildCommand.self,
            BenchSignaturesCommand.self,
        ]
    )
}
