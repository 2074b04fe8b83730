import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua pact`: the year's pact and signatures; `pact draft|sign` record them.
struct PactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pact", abstract: "The mutual pact (giao ước thi đua): show, draft and sign it.",
        discussion: "Example: thidua pact --year 2018", subcommands: [Show.self, Draft.self, Sign.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", 
        abstract: "Show the clauses and signatures (the default).", discussion: "Example: thidua pact --year 2018 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let p = try query.projection(global)
        switch query.output.format {
        case .json: Render.json(YearDocument.pact(p))
        case .csv:
            Render.csv(["member", "name", "signatory", "title"], p.signatures.map { [$0.member, p.name(of: $0.member), $0.signatory, $0.title ?? ""] })
        case .table:
            let lang = try global.lang
            Console.line(p.heading(lang))
            Console.line(p.clauses.isEmpty ? Phrase.noPact(lang) : p.clauses.enumerated().map { "\($0.offset + 1). " + Self.clause($0.element) }.joined(separator: "\n"))
            var table = Table([.member, .name, .signatory, .signatoryTitle], lang)
            for s in p.signatures { table.add([s.member, p.name(of: s.member), s.signatory, s.title ?? ""]) }
            Console.line("")
            Console.line(table.rows.isEmpty ? Phrase.noSignatures(lang) : table.render())
            let active = p.members.filter(\.active).count
            Console.line(Phrase.pactStatus(inForce: p.pactInForce, signed: p.signatures.count, active: active, lang))
        }
    }

    /// A clause as printed: its own lines kept and indented under its number, nothing else let through raw.
    static func clause(_ text: String) -> String {
        Visible.escaped(text, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n   ")
    }
    }

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draft", 
            abstract: "Draft the pact's numbered clauses, before any signature (officers).",
            discussion: #"Example: thidua --as BKTTW pact draft --year 2018 --clause "Tiếp tục quán triệt…" --clause "Phấn đấu hoàn thành…""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "A clause, in order (repeatable).") var clause: [String]
        func run() throws {
            try Write.append(.pactDrafted, year: options.year, data: ["clauses": .array(clause.map(JSON.string))],
                             global: global, event: options.event)
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sign", 
            abstract: "Sign the pact for a member (the member itself).",
            discussion: #"Example: thidua --as BKTTW pact sign --year 2018 --signatory "Ngô Văn Tuấn" --title "Phó trưởng Ban""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: YearWriteOptions
        @Option(help: "The member (default: --as).") var member: String?
        @Option(help: "Who signed.") var signatory: String
        @Option(help: "The signatory's title.") var title: String?
        func run() throws {
            let actor = try global.requiredActor()
            try Write.append(.pactSigned, year: options.year, data: .fields([
                "member": Write.code(member ?? actor), "signatory": .string(signatory), "title": Write.optional(title),
            ]), global: global, event: options.event, actor: actor)
        }
    }
}
