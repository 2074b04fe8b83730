import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaReport
import ThiDuaStore

/// `thidua report`: the year report (§11) to print, sign and file — one self-contained HTML document.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the year report (báo cáo kết quả thi đua): one HTML file, Vietnamese, laid out for A4 printing.",
        discussion: """
            Its facts are replay's at the moment given (--as-of, --known-at, --at combine, as in replay); it names the log's
            digest and the year's stateHash, and the commands that check them. Without --out it prints the HTML; --out
            never overwrites an existing file unless --replace is given. Open the file in a browser and print it (A4).
            Example: thidua report --year 2017 --out bao-cao-2017.html
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "The year.") var year: Int
    @OptionGroup var bounds: ReplayBoundOptions
    @Option(help: ArgumentHelp("The HTML file to write (else standard output).", valueName: "file")) var out: String?
    @Flag(help: "Replace the --out file if it exists.") var replace = false

    func run() throws {
        if let out, out.isEmpty { throw CLIError.usage("--out needs the path of the HTML file to write") }
        if replace, out == nil { throw CLIError.usage("--replace goes with --out FILE") }
        let (html, made) = try global.server.map(remote) ?? local()
        guard let out else {
            Console.write(html)
            return
        }
        if !replace, FileManager.default.fileExists(atPath: out) {
            throw CLIError.rejected("\(out) already exists; a report file is not overwritten: choose another --out, or add --replace")
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: replace ? .atomic : .withoutOverwriting)
        } catch {
            throw CLIError.rejected("cannot write \(out): \((error as NSError).localizedDescription)")
        }
        Console.line("báo cáo năm \(year): \(Visible.escaped(out))" + made)
    }

    /// The report from the log file, and what the confirmation line adds (its position and stateHash).
    private func local() throws -> (String, String) {
        let store = try global.openForReading()
        let bloc = try store.resolveBloc(global.bloc)
        // As the server's report and the other year queries: a year the bloc never opened has no report.
        guard try store.years(bloc: bloc).contains(year) else { throw CLIError.rejected("year \(year) of \(bloc) has not been opened") }
        let (replay, digest) = try store.reportFacts(bloc: bloc, year: year, bounds: try bounds.bounds)
        let report = YearReport(
            state: replay.state, bloc: replay.bloc, position: replay.position, events: replay.events.map(\.recorded),
            decodedEvents: replay.decodedEvents,
            digest: digest.map { YearReport.Digest(position: $0.position, hash: EventHashing.hex($0.hash)) },
            moment: YearReport.Moment(asOf: bounds.asOf.map(Typed.isoDate), knownAt: bounds.knownAt.map(Typed.isoDate), at: bounds.at),
            madeAt: Timestamp(utcMicroseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)).text, logFile: try global.databasePath)
        return (report.html(), " (vị trí \(replay.position), stateHash \(replay.document.stateHash))")
    }

    /// The report the server makes of its log at the same moment (`GET /v1/years/{year}/report`).
    private func remote(_ server: RemoteServer) throws -> (String, String) {
        let given = try bounds.bounds
        var query: [(String, String)] = []
        // As written (a date alone stays a date): the report shows the moment as the user gave it, as from a file.
        if let asOf = bounds.asOf { query.append(("asOf", Typed.isoDate(asOf))) }
        if let knownAt = bounds.knownAt { query.append(("knownAt", Typed.isoDate(knownAt))) }
        if let at = given.at { query.append(("at", String(at))) }
        if let bloc = global.bloc { query.append(("bloc", bloc)) }
        let answer = try server.get("/v1/years/\(year)/report", query)
        guard answer.contentType.hasPrefix("text/html"), let html = String(data: answer.body, encoding: .utf8) else {
            throw CLIError.rejected("the server at \(server.written) sent a report this thidua cannot read")
        }
        return (html, Self.made(html) ?? " (từ \(server.written))")
    }

    /// What the confirmation line adds, read from the report itself (the position and stateHash its heading shows), as
    /// a local report's line says it.
    static func made(_ html: String) -> String? {
        let after = { (open: String) -> Substring? in
            guard let start = html.range(of: open) else { return nil }
            return html[start.upperBound...].prefix { $0 != "<" }
        }
        guard let position = after(#"<span data-n="position">"#), !position.isEmpty, position.allSatisfy(\.isASCII), Int64(position) != nil,
              let hash = after(#"<span class="hash" id="stateHash">"#), hash.count == 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        return " (vị trí \(position), stateHash \(hash))"
    }
}
