import ThiDuaLog

/// Refusals of verbatim exports, restores and backups (EventLog/EXPORT.md).
extension ThiDuaError.Code {
    /// The file is not a verbatim export: no header, or a plain export.
    package static let notVerbatim = Self("not-verbatim")
    /// A line that is not the canonical text of a verbatim record: a byte changed, a field missing or added.
    package static let exportMalformed = Self("export-malformed")
    /// A row out of place or whose hash does not follow: rows edited, reordered, removed or inserted.
    package static let exportChainBroken = Self("export-chain-broken")
    /// The file ends before its end line, or its end line does not match the rows.
    package static let exportTruncated = Self("export-truncated")
    /// A record kind this thidua does not read (an evidence document, or a kind of a later format).
    package static let exportUnknownKind = Self("export-unknown-kind")
    /// `restore` into a log that already holds events.
    package static let restoreTargetNotEmpty = Self("restore-target-not-empty")
    /// `backup` onto a path that already exists.
    package static let backupTargetExists = Self("backup-target-exists")
}

/// What is wrong with a verbatim export, at its line (and the row's position when the line names one).
package struct VerbatimRefusal: Error, Sendable, CustomStringConvertible {
    package var line: Int
    package var position: Int64?
    package var code: ThiDuaError.Code
    package var reason: String
    /// The rule an event breaks, when that is what is wrong (`code` is then the rule's).
    package var rule: ThiDuaError?

    package var description: String {
        let at = "line \(line)" + (position.map { " (position \($0))" } ?? "")
        if let rule { return "\(at): the file was altered: \(rule)" }
        return "\(at): \(reason) [\(code.rawValue)]"
    }
}
