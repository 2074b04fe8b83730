import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua scores import SHEET.csv`: a score sheet from a spreadsheet as one all-or-nothing batch (§10 "Batch entry").
struct ScoresImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Save a score sheet (CSV from a spreadsheet) as self-scores, or with --review as appraisals; all or nothing.",
        discussion: """
            The sheet: a header row of criterion codes (its first cell anything, e.g. "Đơn vị"), then one row per member
            with its code in the first column; empty cells are skipped. UTF-8 with or without BOM; comma- or
            semicolon-separated (detected from the header row); decimal point, or decimal comma with semicolons.
            Who acts: without --as each row is submitted by its own member; --as secretariat records the whole sheet on
            the members' behalf; --as a member code acts for that member only. With --review, --as (an officer) reviews
            every cell and --reason gives why. If any cell is refused, nothing is appended and the error names its row
            and column.
            Example: thidua --as secretariat scores import diem-2024.csv --year 2024
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The sheet, saved as CSV.") var sheet: String
    @Option(parsing: .unconditional, help: "The emulation year.") var year: Int
    @Flag(help: "Record the cells as an officer's appraisal (score.reviewed) instead of self-scores.") var review = false
    @Option(help: "Why the scores change (with --review).") var reason: String?
    @Option(name: .customLong("occurred-at"), help: ArgumentHelp("When it happened, ISO 8601 with offset, or a date alone for 12:00 +07:00 (default: now).", valueName: "time"))
    var occurredAt: String?
    @Option(help: "Free text linking the events, e.g. the minutes' number.") var correlation: String?
    @Option(help: ArgumentHelp("Sign every score with this private key file (else $THIDUA_KEY when set); its holder must be the actor of each.", valueName: "file"))
    var key: String?

    func run() throws {
        if review && reason == nil { throw CLIError.usage("--review needs --reason \"…\": why the scores change") }
        if !review && reason != nil { throw CLIError.usage("--reason goes with --review; a self-score has no reason") }
        let actor = try global.optionalActor()
        if review && actor == nil {
            throw CLIError.usage("who reviews? pass --as CODE (an officer) or set THIDUA_ACTOR")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: sheet)) } catch {
            throw CLIError.rejected("cannot read the sheet \(sheet): \(error.localizedDescription)")
        }
        let parsed: SpreadsheetFile
        do { parsed = try SpreadsheetFile(data: data) } catch let error as SheetError {
            throw CLIError.rejected("\(sheet): \(error.description)")
        }
        guard !parsed.cells.isEmpty else { throw CLIError.rejected("\(sheet): the sheet holds no scores") }

        let lang = try global.lang
        let server = try global.server
        let store = try server == nil ? global.openStore() : nil
        let bloc = try server.map { try RemoteWrite.bloc(global.bloc, $0) } ?? store?.resolveBloc(global.bloc) ?? ""
        let type: EventType = review ? .scoreReviewed : .scoreSubmitted
        let signing = try EventSigning.keyPath(key).map { (key: try KeyFile.load($0), now: try SignCommand.now()) }
        var items: [AppendItem] = []
        for (index, cell) in parsed.cells.enumerated() {
            var proposed = event(type, cell, bloc: bloc, actor: actor)
            if let signing {
                proposed = proposed.flatMap { event in Result { () throws(ThiDuaError) in try EventSigning.signed(event, with: signing.key, now: signing.now) } }
            }
            items.append(AppendItem(line: index + 1, event: proposed))
        }
        if let server {
            try Self.post(items, parsed, type: type, server, lang)
            Console.line(Phrase.sheetSaved(cells: parsed.cells.count, sheet: sheet, type: type.rawValue, lang))
            return
        }
        guard let store else { return }
        let report: AppendReport
        do {
            report = try store.append(items)
        } catch {
            guard case .rejected(let refusal) = error, let index = refusal.line, parsed.cells.indices.contains(index - 1) else { throw error }
            throw CLIError.rejected(Self.located(refusal, at: parsed.cells[index - 1], type: type))
        }
        Typed.printAppended(report, lang)
        Console.line(Phrase.sheetSaved(cells: parsed.cells.count, sheet: sheet, type: type.rawValue, lang))
    }

    func event(_ type: EventType, _ cell: SpreadsheetFile.Cell, bloc: String, actor: String?) -> Result<ProposedEvent, ThiDuaError> {
        guard case .number(let points)? = try? JSON.parse(cell.points) else {
            return .failure(ThiDuaError(code: .wrongType, eventType: type.rawValue, field: "data.points",
                              reason: "\"\(cell.points.prefix(40))\" is not a number", hint: "write it like 18.5 or 18,5"))
        }
        var data: JSONObject = ["member": .string(cell.member), "criterion": .string(cell.criterion), "points": .number(points)]
        if let reason { data["reason"] = .string(reason) }
        do {
            return .success(try Typed.event(type, bloc: bloc, year: year, actor: actor ?? cell.member, occurredAt: occurredAt,
                                            data: data, correlation: correlation))
        } catch let error as ThiDuaError {
            return .failure(error)
        } catch {
            return .failure(ThiDuaError(code: .wrongType, eventType: type.rawValue, reason: "\(error)"))
        }
    }

    /// The sheet posted to a server; a refused cell named by its row and column, as locally.
    static func post(_ items: [AppendItem], _ parsed: SpreadsheetFile, type: EventType, _ server: RemoteServer, _ lang: Lang) throws {
        var events: [(line: Int, event: ProposedEvent)] = []
        var unreadable: (line: Int, error: any Error)?
        for item in items {
            let line = item.line ?? 0
            do {
                events.append((line, try item.event.get()))
            } catch {
                guard parsed.cells.indices.contains(line - 1) else { throw error }
                unreadable = (line, CLIError.rejected(located(error, at: parsed.cells[line - 1], type: type)))
                break
            }
        }
        do {
            try RemoteWrite.post(events, to: server, lang, unreadable: unreadable)
        } catch let refused as CLIError where refused.line != nil {
            guard let line = refused.line, parsed.cells.indices.contains(line - 1) else { throw refused }
            guard let refusal = refused.refusal else { throw CLIError.rejected("\(parsed.cells[line - 1].place): " + refused.description) }
            throw CLIError.rejected(located(refusal, at: parsed.cells[line - 1], type: type))
        }
    }

    /// `score.submitted rejected at row 4, column C (criterion 1.2): points 21 exceed … [points-over-maximum]`
    static func located(_ error: ThiDuaError, at cell: SpreadsheetFile.Cell, type: EventType) -> String {
        var text = "\(error.eventType ?? type.rawValue) rejected at \(cell.place): "
        if let field = error.field, field != "data.points" { text += "field \(field): " }
        text += error.reason
        if let hint = error.hint { text += "; \(hint)" }
        return text + " [\(error.code.rawValue)]"
    }
}
