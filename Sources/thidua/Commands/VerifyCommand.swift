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

    func run() throws {
        let expected = try digest.map(Self.parseDigest)
        let store = try global.openForReading()
        let report = try store.verify(digest: expected, quick: quick)
        Console.line("rows: \(report.rows)")
        Console.line("sqlite \(quick ? "quick_check" : "integrity_check"): \(report.integrity.joined(separator: "; "))")
        Console.line("append-only triggers: " + (report.missingTriggers.isEmpty ? "present" : "MISSING \(report.missingTriggers.joined(separator: ", "))"))
        Console.line("schema: " + (report.schemaProblems.isEmpty ? "exactly the tables, indexes and triggers thidua creates"
                                                                  : "DIFFERS: \(Self.listed(report.schemaProblems))"))
        if let bad = report.firstBad {
            Console.line("chain: BROKEN at position \(bad.position): \(bad.reason)")
        } else {
            Console.line("chain: intact" + (report.head.map { " up to position \($0.position), head \(EventHashing.hex($0.hash))" } ?? " (empty log)"))
        }
        if let broken = report.ruleBreak {
            Console.line("rules: BROKEN at position \(broken.position): \(broken.rule)")
        } else {
            Console.line("rules: every event re-decided from the start follows them")
        }
        Console.line("projections: " + (report.projectionProblems.isEmpty ? "match a replay of the log"
                                                                          : "DIFFER: \(report.projectionProblems.joined(separator: "; "))"))
        if let digest = report.digest {
            Console.line("digest \(digest.position): " + (digest.matches ? "matches; the log up to it is unchanged" : "DOES NOT MATCH"))
        }
        guard report.isIntact else { throw VerificationFailure(report: report) }
        Console.line("verified")
    }

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
