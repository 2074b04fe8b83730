import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaLog

/// `thidua award propose|withdraw|decide`.
struct AwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "award", abstract: "Propose, withdraw and record decisions on awards.",
        subcommands: [Propose.self, Withdraw.self, Decide.self])

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "propose", 
            abstract: "Propose an award on final standings (officers).",
            discussion: "Example: thidua --as BNCTW award propose --year 2017 --member BNCTW --kind government-flag")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member proposed.") var member: String
        @Option(help: "An award kind in force that year, in any letter case (see thidua rules --year Y), e.g. government-flag.") var kind: String
        @Option(help: "Grounds for the proposal.") var basis: String?
        @Option(help: "The closed award election that backs it.") var election: String?
        func run() throws {
            try Write.append(.awardProposed, year: options.year, data: .fields([
                "member": Write.code(member), "kind": Write.awardKind(kind), "basis": Write.optional(basis),
                "election": Write.optional(election?.uppercased()),
            ]), global: global, event: options.event)
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", 
            abstract: "Withdraw a pending proposal (officers).",
            discussion: #"Example: thidua --as BNCTW award withdraw --year 2017 --member BTGTW --kind pm-certificate --reason "Đơn vị xin rút""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member.") var member: String
        @Option(help: "The kind of the pending proposal.") var kind: String
        @Option(help: "Why.") var reason: String
        func run() throws {
            try Write.append(.awardWithdrawn, year: options.year, data: [
                "member": Write.code(member), "kind": Write.awardKind(kind), "reason": .string(reason),
            ], global: global, event: options.event)
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide", 
            abstract: "Record the awarding authority's decision (also after the year is closed).",
            discussion: #"Example: thidua --as secretariat award decide --year 2017 --member BNCTW --kind government-flag --outcome granted --decision "QĐ số 123/QĐ-TTg" --date 2018-06-01"#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member.") var member: String
        @Option(help: "The kind of the pending proposal.") var kind: String
        @Option(help: "granted or rejected.") var outcome: String
        @Option(help: "The decision's number, e.g. \"QĐ số 123/QĐ-TTg\".") var decision: String
        @Option(help: "Date of the decision, YYYY-MM-DD or dd/mm/yyyy (default: today, Vietnam time).") var date: String?
        func run() throws {
            try Write.append(.awardDecided, year: options.year, data: [
                "member": Write.code(member), "kind": Write.awardKind(kind), "outcome": .string(outcome),
                "decision": .string(decision), "date": .string(date.map(Typed.isoDate) ?? Self.today()),
            ], global: global, event: options.event)
        }

        static func today() -> String {
            let seconds = Int64(Date().timeIntervalSince1970) + 7 * 3600
            return String(Timestamp(utcMicroseconds: seconds * 1_000_000).text.prefix(10))
        }
    }
}
