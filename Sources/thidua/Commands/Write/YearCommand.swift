import ArgumentParser
import ThiDuaCore
import ThiDuaJSON

/// `thidua year open|close|reopen`.
struct YearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year", abstract: "Open, close or reopen an emulation year.",
        subcommands: [Open.self, Close.self, Reopen.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", 
            abstract: "Open a year with its members and interim officers (secretariat).",
            discussion: #"Example: thidua --as secretariat year open 2018 --member BKTTW="Ban Kinh tế Trung ương" --member UBKTTW="Ủy ban Kiểm tra Trung ương" --head BKTTW"#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @OptionGroup var year: YearChoice
        @Option(help: ArgumentHelp("A member as CODE=\"Name\" (repeat for each).", valueName: "code=name")) var member: [String] = []
        @Option(help: "Interim head (a member code).") var head: String?
        @Option(help: "Interim deputy (repeatable).") var deputy: [String] = []

        func run() throws {
            let members = try member.map { text -> JSON in
                let parts = text.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { throw CLIError.usage("--member \(text): write it as CODE=\"Name\"") }
                return .object(["code": Write.code(String(parts[0])), "name": .string(String(parts[1]))])
            }
            try Write.append(.yearOpened, year: try year.value, data: .fields([
                "members": .array(members), "head": Write.optional(head?.uppercased()), "deputies": deputy.isEmpty ? nil : Write.codes(deputy),
            ]), global: global, event: event)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a year (officers); afterwards only award decisions and reopening.",
                                                        discussion: "Example: thidua --as BNCTW year close 2017")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @OptionGroup var year: YearChoice
        func run() throws { try Write.append(.yearClosed, year: try year.value, data: [:], global: global, event: event) }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed year (secretariat).",
                                                        discussion: #"Example: thidua --as secretariat year reopen 2017 --reason "Bổ sung hồ sơ""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @OptionGroup var year: YearChoice
        @Option(help: "Why.") var reason: String
        func run() throws {
            try Write.append(.yearReopened, year: try year.value, data: ["reason": .string(reason)], global: global, event: event)
        }
    }
}
