import ArgumentParser
import ThiDuaCore

/// `thidua member admit|withdraw`.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Admit or withdraw a member for a year.", subcommands: [Admit.self, Withdraw.self])

    struct Admit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "admit", abstract: "Admit a member (officers).",
                                                        discussion: #"Example: thidua --as BKTTW member admit --year 2018 --code BDNTW --name "Ban Đối ngoại Trung ương""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(name: [.customLong("code"), .customLong("member")], help: "Member code (--code or --member).") var code: String
        @Option(help: "Member name.") var name: String
        func run() throws {
            try Write.append(.memberAdmitted, year: options.year, data: ["code": Write.code(code), "name": .string(name)],
                             global: global, event: options.event)
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw a member; it keeps its history and leaves standings and electorates.",
                                                        discussion: #"Example: thidua --as secretariat member withdraw --year 2025 --code BDNTW --reason "Hợp nhất""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(name: [.customLong("code"), .customLong("member")], help: "Member code (--code or --member).") var code: String
        @Option(help: "Why.") var reason: String
        func run() throws {
            try Write.append(.memberWithdrawn, year: options.year, data: ["code": Write.code(code), "reason": .string(reason)],
                             global: global, event: options.event)
        }
    }
}
