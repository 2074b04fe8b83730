import ArgumentParser
import ThiDuaCore
import ThiDuaJSON

/// `thidua rules adopt`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Adopt voting and award rules.", subcommands: [Adopt.self])

    struct Adopt: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "adopt", 
            abstract: "Adopt rules from a year on (secretariat): majority, quorum, flag and certificate limits.",
            discussion: #"Example: thidua --as secretariat rules adopt --from-year 2018 --quorum 2/3 --certificate-limit 3"#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @Option(name: .customLong("from-year"), parsing: .unconditional, help: "First year the rules apply to.") var fromYear: Int
        @Option(help: "Share of valid ballots a candidate must exceed, e.g. 0.5 or 1/2.") var majority: String?
        @Option(help: "Share of active members whose ballots make a quorum, e.g. 2/3.") var quorum: String?
        @Option(name: .customLong("flag-limit"), parsing: .unconditional, help: "Government flags the bloc may propose per year.") var flagLimit: Int?
        @Option(name: .customLong("certificate-limit"), parsing: .unconditional, help: "Certificates of merit per year.") var certificateLimit: Int?

        func run() throws {
            func fraction(_ text: String?) -> JSON? {
                guard let text else { return nil }
                if case .number(let number)? = try? JSON.parse(text) { return .number(number) }
                return .string(text)
            }
            try Write.append(.rulesAdopted, year: nil, data: .fields([
                "fromYear": JSON(fromYear), "majority": fraction(majority), "quorum": fraction(quorum),
                "flagLimit": flagLimit.map(JSON.init), "certificateLimit": certificateLimit.map(JSON.init),
            ]), global: global, event: event)
        }
    }
}
