import ThiDuaCore
import ThiDuaLog

/// What `verify` found (§8 tamper evidence).
package struct VerifyReport: Sendable {
    package var rows: Int64 = 0
    package var head: (position: Int64, hash: [UInt8])?
    /// `PRAGMA integrity_check` lines; `["ok"]` when sound.
    package var integrity: [String] = []
    package var missingTriggers: [String] = []
    /// How the schema differs from the one thidua creates (each naming the table, index, trigger or view).
    package var schemaProblems: [String] = []
    /// The first position whose row does not follow from the chain, and why.
    package var firstBad: (position: Int64, reason: String)?
    /// The first event that breaks a rule when re-decided from the initial state, and the rule.
    package var ruleBreak: (position: Int64, rule: ThiDuaError)?
    /// The digest checked, and whether the log still holds that hash at that position.
    package var digest: (position: Int64, matches: Bool)?
    /// Differences between the projections and a replay of the log (filled once projections exist).
    package var projectionProblems: [String] = []
    /// Years whose stored snapshot was written in an older layout: outdated, not altered.
    package var outdatedSnapshots: [String] = []
    /// The first document an event cites that the log does not keep intact (missing or altered), at that event.
    package var evidenceBreak: (position: Int64, reason: String)?
    /// How many documents the events cite.
    package var citedDocuments = 0

    package var isIntact: Bool {
        integrity == ["ok"] && missingTriggers.isEmpty && schemaProblems.isEmpty && firstBad == nil && ruleBreak == nil
            && evidenceBreak == nil && digest?.matches != false && projectionProblems.isEmpty
    }
}

/// Raised by `verify` when the log or projections were altered; the CLI exits 2.
package struct VerificationFailure: Error, Sendable, CustomStringConvertible {
    package let report: VerifyReport
    package init(report: VerifyReport) { self.report = report }

    package var description: String {
        if report.digest?.matches == false, let digest = report.digest {
            return "verify: the log no longer holds the digest at position \(digest.position); the record up to it was altered"
                + (report.firstBad.map { " (first bad position \($0.position): \($0.reason))" } ?? "")
        }
        if let bad = report.firstBad, report.ruleBreak.map({ bad.position <= $0.position }) ?? true {
            return "verify: position \(bad.position): \(bad.reason)"
        }
        if let broken = report.ruleBreak {
            return "verify: position \(broken.position) breaks a rule, so the log was altered: \(broken.rule)"
        }
        if let broken = report.evidenceBreak { return "verify: position \(broken.position): \(broken.reason)" }
        if let trigger = report.missingTriggers.first { return "verify: the append-only trigger \(trigger) is missing; someone removed it" }
        if let problem = report.schemaProblems.first { return "verify: the schema is not the one thidua creates: \(problem)" }
        if report.integrity != ["ok"] { return "verify: SQLite integrity check failed: \(report.integrity.first ?? "?")" }
        return "verify: projections differ from the log: \(report.projectionProblems.first ?? "?"); run thidua rebuild"
    }
}
