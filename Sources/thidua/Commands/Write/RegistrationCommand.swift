import ArgumentParser
import ThiDuaCore
import ThiDuaJSON

/// `thidua registration submit`.
struct RegistrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registration", abstract: "A member's emulation registration.", subcommands: [Submit.self])

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "submit", 
            abstract: "Register targets and the titles sought (the member itself).",
            discussion: #"Example: thidua --as BKTTW registration submit --year 2018 --target "Hoàn thành xuất sắc nhiệm vụ" --seek government-flag"#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member (default: --as).") var member: String?
        @Option(help: "A target (repeatable).") var target: [String]
        @Option(help: "A title sought: an award kind in force that year, e.g. government-flag (repeatable).") var seek: [String] = []
        func run() throws {
            let actor = try global.requiredActor()
            try Write.append(.registrationSubmitted, year: options.year, data: [
                "member": Write.code(member ?? actor), "targets": .array(target.map(JSON.string)),
                "titlesSought": .array(seek.map(Write.awardKind)),
            ], global: global, event: options.event, actor: actor)
        }
    }
}
