import ArgumentParser
import ThiDuaCore

/// `thidua criterion set|retire`.
struct CriterionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criterion", abstract: "Define or retire a line of the scoring table.", subcommands: [Set.self, Retire.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", 
            abstract: "Create or redefine a criterion (officers).",
            discussion: #"Example: thidua --as BNCTW criterion set --year 2017 --code 1.1 --title "Tham mưu" --max 20 --kind base --group I"#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "Criterion code, e.g. 1.1.") var code: String
        @Option(help: "What it measures.") var title: String
        @Option(parsing: .unconditional, help: "Maximum points.") var max: String
        @Option(help: "base, bonus or penalty.") var kind: String = "base"
        @Option(help: "Group code, e.g. I.") var group: String?
        func run() throws {
            try Write.append(.criterionSet, year: options.year, data: .fields([
                "code": Write.code(code), "title": .string(title), "maxPoints": try Write.number(max, option: "--max"),
                "kind": .string(kind.lowercased()), "group": Write.optional(group?.uppercased()),
            ]), global: global, event: options.event)
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retire", abstract: "Retire a criterion; it leaves the standings.",
                                                        discussion: #"Example: thidua --as BNCTW criterion retire --year 2017 --code 2.4 --reason "Trùng với 2.1""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "Criterion code.") var code: String
        @Option(help: "Why.") var reason: String
        func run() throws {
            try Write.append(.criterionRetired, year: options.year, data: ["code": Write.code(code), "reason": .string(reason)],
                             global: global, event: options.event)
        }
    }
}
