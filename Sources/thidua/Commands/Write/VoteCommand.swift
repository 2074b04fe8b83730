import ArgumentParser
import ThiDuaCore

/// `thidua vote`: an open-ballot vote; `thidua vote void`: an officer voids one.
struct VoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote", abstract: "Cast an open-ballot vote (the voter is --as), or void one.",
        discussion: "Example: thidua --as UBKTTW vote --year 2018 --election head-2018 --for BKTTW",
        subcommands: [Cast.self, Void.self], defaultSubcommand: Cast.self)

    struct Cast: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cast", 
        abstract: "Cast an open-ballot vote (the default).",
        discussion: "Example: thidua --as UBKTTW vote --year 2018 --election head-2018 --for BKTTW")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: YearWriteOptions
    @Option(help: "Election id.") var election: String
    @Option(name: .customLong("for"), help: "Chosen candidate codes, comma-separated (none for a blank ballot).") var choices: [String] = []
    @Option(help: "The voting member, when the secretariat records it on its behalf (default: --as).") var voter: String?

    func run() throws {
        let actor = try global.requiredActor()
        try Write.append(.voteCast, year: options.year, data: [
            "election": Write.code(election), "voter": Write.code(voter ?? actor), "choices": Write.codes(choices),
        ], global: global, event: options.event, actor: actor)
    }
    }

    struct Void: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a vote so the member may vote again (officers).",
            discussion: #"Example: thidua --as BNCTW vote void --year 2018 --election head-2018 --voter BDVTW --reason "Phiếu ghi sai""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "Election id.") var election: String
        @Option(help: "The member whose vote is voided.") var voter: String
        @Option(help: "Why.") var reason: String
        func run() throws {
            try Write.append(.voteVoided, year: options.year, data: [
                "election": Write.code(election), "voter": Write.code(voter), "reason": .string(reason),
            ], global: global, event: options.event)
        }
    }
}
