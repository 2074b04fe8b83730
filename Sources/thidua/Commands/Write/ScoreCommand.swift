import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// `thidua score submit|review`.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Submit a self-score or review one.", subcommands: [Submit.self, Review.self])

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "submit", 
            abstract: "A member's self-score (tự chấm); the latest counts unless reviewed.",
            discussion: #"Example: thidua --as BNCTW score submit --year 2017 --criterion 1.1 --points 18.5 --evidence "Báo cáo số 12""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member scored (default: --as).") var member: String?
        @Option(help: "Criterion code.") var criterion: String
        @Option(parsing: .unconditional, help: "Points, at most 2 decimals.") var points: String
        @Option(help: "Evidence, e.g. a report number.") var evidence: String?
        @OptionGroup var documents: EvidenceFileOptions
        func run() throws {
            let actor = try global.requiredActor()
            var data: JSONObject = .fields([
                "member": Write.code(member ?? actor), "criterion": Write.code(criterion),
                "points": try Write.number(points, option: "--points"), "evidence": Write.optional(evidence),
            ])
            let kept = try documents.read(textEvidence: evidence)
            guard !kept.isEmpty else {
                try Write.append(.scoreSubmitted, year: options.year, data: data, global: global, event: options.event, actor: actor)
                return
            }
            data["evidence"] = .array(kept.map { $0.item.json })
            try Write.append(.scoreSubmitted, year: options.year, data: data, global: global, event: options.event, actor: actor,
                             schema: EventType.scoreSubmitted.latestSchema, keeping: kept.map(\.document))
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review", 
            abstract: "An officer's appraisal (thẩm định); it overrides the member's self-scores.",
            discussion: #"Example: thidua --as UBKTTW score review --year 2017 --member BNCTW --criterion 1.1 --points 17 --reason "Thiếu minh chứng""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member scored.") var member: String
        @Option(help: "Criterion code.") var criterion: String
        @Option(parsing: .unconditional, help: "Points, at most 2 decimals.") var points: String
        @Option(help: "Why the score changes.") var reason: String
        func run() throws {
            try Write.append(.scoreReviewed, year: options.year, data: [
                "member": Write.code(member), "criterion": Write.code(criterion),
                "points": try Write.number(points, option: "--points"), "reason": .string(reason),
            ], global: global, event: options.event)
        }
    }
}

/// `thidua scores`: the score sheet (the default, in Query/ScoreSheetCommand.swift); `scores finalize`; `scores import`.
struct ScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "The year's score sheet (bảng tổng hợp điểm); finalize or import the scores.",
        discussion: "Example: thidua scores --year 2017 --member BNCTW",
        subcommands: [
            Sheet.self,
            Finalize.self,
            ScoresImportCommand.self,
        ],
        defaultSubcommand: Sheet.self)

    struct Finalize: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "finalize", abstract: "Make the scores final (officers); awards may then be proposed.",
                                                        discussion: "Example: thidua --as BNCTW scores finalize --year 2017")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        func run() throws { try Write.append(.scoresFinalized, year: options.year, data: [:], global: global, event: options.event) }
    }
}
