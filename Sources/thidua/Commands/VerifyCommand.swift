import ArgumentParser
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// `thidua verify`: prove nobody altered the record (exit 2 if someone did).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the hash chain, gap-free positions, stored types, that every event follows the rules, SQLite integrity and that the schema is exactly thidua's.",
        discussion: "Exit 0 when intact, 2 when altered. Example: thidua verify --digest 812:3f5a…"
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("A digest written down earlier, as printed by thidua digest.", valueName: "POS:HEX"))
    var digest: String?

    @Flag(help: "Use SQLite's quick_check instead of integrity_check (skips checking index contents; much faster on a large log).")
    var quick = false

    @Option(help: ArgumentHelp("Check a verbatim export file (thidua export --verbatim) instead of a log.", valueName: "FILE"))
    var export: String?

    @OptionGroup var output: FormatOption

    func run() throws {
        if output.format == .csv { throw CLIError.usage("verify prints its checks as text, or as a document with --format json; not csv") }
        let expected = try digest.map(Self.parseDigest)
        if let export {
            if output.format == .json { throw CLIError.usage("verify --export prints text; leave out --format json") }
            return try ExportVerification.run(export, digest: expected)
        }
        if let server = try global.server { return try show(remoteReport(server)) }
        let report: VerifyReport
        do {
            report = try global.openForReading().verify(digest: expected, quick: quick)
        } catch let error as StoreError where error.meansNoIntactLog {
            // Whatever is (or is not) at the path, it is not an intact thidua log: verify's answer is 2, as verify_chain.py's.
            throw CLIError(description: error.description, exitCode: 2)
        }
        try show(report)
    }

    /// Prints what verify found, from the file or from a server alike; exit 2 when the log was altered.
    func show(_ report: VerifyReport) throws {
        if output.format == .json {
            Console.line(report.json.canonicalText)
            guard report.isIntact else { throw VerificationFailure(report: report) }
            return
        }
        Self.say("rows: \(report.rows)")
        Self.say("sqlite \(quick ? "quick_check" : "integrity_check"): \(report.integrity.joined(separator: "; "))")
        Self.say("append-only triggers: " + (report.missingTriggers.isEmpty ? "present" : "MISSING \(report.missingTriggers.joined(separator: ", "))"))
        Self.say("schema: " + (report.schemaProblems.isEmpty ? "exactly the tables, indexes and triggers thidua creates"
                                                              : "DIFFERS: \(Self.listed(report.schemaProblems))"))
        if let bad = report.firstBad {
            Self.say("chain: BROKEN at position \(bad.position): \(bad.reason)")
        } else {
            Self.say("chain: intact" + (report.head.map { " up to position \($0.position), head \(EventHashing.hex($0.hash))" } ?? " (empty log)"))
        }
        if let broken = report.ruleBreak {
            Self.say("rules: BROKEN at position \(broken.position): \(broken.rule)")
        } else {
            Self.say("rules: every event re-decided from the start follows them")
        }
        if let broken = report.evidenceBreak {
            Self.say("evidence: BROKEN at position \(broken.position): \(broken.reason)")
        } else {
            Self.say("evidence: \(report.citedDocuments) document(s) cited, each kept and intact")
        }
        Self.say("projections: " + (report.projectionProblems.isEmpty ? "match a replay of the log"
                                                                      : "DIFFER: \(report.projectionProblems.joined(separator: "; "))"))
        if !report.outdatedSnapshots.isEmpty {
            Self.say("snapshots: \(report.outdatedSnapshots.joined(separator: ", ")) written by an older thidua (outdated, not altered); "
                     + "the next append to the year or thidua rebuild replaces them")
        }
        if let digest = report.digest {
            Self.say("digest \(digest.position): " + (digest.matches ? "matches; the log up to it is unchanged" : "DOES NOT MATCH"))
        }
        guard report.isIntact else { throw VerificationFailure(report: report) }
        Console.line("verified")
    }

    /// A line of the report. Names of objects in the file, streams and the text of a broken rule come from the log,
    /// so every line is shown through `Visible`: a hostile file cannot drive the terminal through verify's report.
    static func say(_ line: String) { Console.line(Visible.escaped(line)) }

    /// The first few problems, and how many more there are.
    static func listed(_ problems: [String], limit: Int = 5) -> String {
        problems.prefix(limit).joined(separator: "; ") + (problems.count > limit ? "; and \(problems.count - limit) more" : "")
    }

    static func parseDigest(_ text: String) throws -> (position: Int64, hash: [UInt8]) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let position = Int64(parts[0]), position >= 1,
              let hash = EventHashing.bytes(hex: String(parts[1])), hash.count == 32 else {
            throw CLIError.usage("--digest \(text): write it as POS:HEX, as thidua digest prints it")
        }
        return (position, hash)
    }
}
