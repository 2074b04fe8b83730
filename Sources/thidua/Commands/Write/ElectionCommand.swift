import ArgumentParser
import ThiDuaCore
import ThiDuaJSON

/// `thidua election open|close|tally`.
struct ElectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "election", abstract: "Open, tally and close elections.", subcommands: [Open.self, Tally.self, Close.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", 
            abstract: "Announce an election for head, deputies or an award (officers).",
            discussion: "Example: thidua --as BNCTW election open --year 2018 --id head-2018 --office head --seats 1 --candidates BKTTW,BDVTW\n"
                + "Electing next year's head in this year's stream: thidua --as BNCTW election open --year 2018 --id head-2019 --office head --term 2019 --candidates BKTTW,BDVTW")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "An id unique in the year, e.g. HEAD-2018 (upper case).") var id: String
        @Option(help: "head, deputy or award.") var office: String
        @Option(parsing: .unconditional, help: "Seats to fill.") var seats: Int = 1
        @Option(help: "Candidate member codes, comma-separated.") var candidates: [String]
        @Flag(help: "Secret ballot: the tellers record the count (election tally).") var secret = false
        @Option(help: "For an award election: an award kind in force that year, e.g. government-flag.") var award: String?
        @Option(parsing: .unconditional, help: "For head or deputies: the year whose officers it elects, this year or the next (default: this year).")
        var term: Int?
        func run() throws {
            try Write.append(.electionOpened, year: options.year, data: .fields([
                "election": Write.code(id), "office": .string(office), "seats": JSON(seats),
                "candidates": Write.codes(candidates), "method": .string(secret ? "secret" : "open"), "award": award.map(Write.awardKind),
                "term": term.map { JSON($0) },
            ]), global: global, event: options.event)
        }
    }

    struct Tally: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tally", 
            abstract: "Record the tellers' count of a secret ballot (officers).",
            discussion: "Example: thidua --as BNCTW election tally --year 2017 --id FLAG-2017 --ballots 8 --invalid 0 --count BNCTW=8")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(name: [.customLong("id"), .customLong("election")], help: "Election id (--id or --election, as vote takes it).") var id: String
        @Option(parsing: .unconditional, help: "Ballots cast.") var ballots: Int
        @Option(parsing: .unconditional, help: "Invalid ballots.") var invalid: Int = 0
        @Option(help: ArgumentHelp("Votes for a candidate as CODE=N (repeatable).", valueName: "code=n")) var count: [String] = []
        func run() throws {
            var counts: JSONObject = [:]
            for entry in count {
                let parts = entry.split(separator: "=")
                guard parts.count == 2, let n = Int(parts[1]) else { throw CLIError.usage("--count \(entry): write it as CODE=N") }
                counts[String(parts[0]).uppercased()] = JSON(n)
            }
            try Write.append(.ballotsTallied, year: options.year, data: [
                "election": Write.code(id), "ballots": JSON(ballots), "invalid": JSON(invalid), "counts": .object(counts),
            ], global: global, event: options.event)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", 
            abstract: "Close an election; the result is derived from the ballots (officers).",
            discussion: "Example: thidua --as BNCTW election close --year 2018 --id head-2018")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(name: [.customLong("id"), .customLong("election")], help: "Election id (--id or --election, as vote takes it).") var id: String
        func run() throws {
            try Write.append(.electionClosed, year: options.year, data: ["election": Write.code(id)],
                             global: global, event: options.event)
        }
    }
}
