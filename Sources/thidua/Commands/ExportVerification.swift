import ThiDuaLog
import ThiDuaStore

/// `thidua verify --export FILE`: a verbatim export checked without a database (EventLog/EXPORT.md).
enum ExportVerification {
    static func run(_ file: String, digest: (position: Int64, hash: [UInt8])?) throws {
        var check = VerbatimCheck()
        check.watched = digest?.position
        let lines: VerbatimReader
        do {
            lines = try VerbatimReader(path: file)
        } catch {
            throw CLIError(description: "\(error)", exitCode: 2)
        }
        do {
            try lines.forEach { _ = try check.accept($0) }
            try check.finish()
        } catch let refusal as VerbatimRefusal {
            VerifyCommand.say("export: BROKEN at \(refusal)")
            throw CLIError(description: "verify: \(file) \(refusal)", exitCode: 2)
        } catch let error as StoreError {
            throw CLIError(description: "verify: \(error)", exitCode: 2)
        }
        VerifyCommand.say("export: a verbatim export of \(check.events) event(s)")
        VerifyCommand.say("chain: intact" + (check.events > 0 ? " up to position \(check.head.position), head \(EventHashing.hex(check.head.hash))" : " (empty log)"))
        VerifyCommand.say("rules: every event re-decided from the start follows them")
        VerifyCommand.say("evidence: \(check.documents) document(s) in the file, each hashing to its name; every document cited is among them")
        if let digest {
            let matches = check.watchedHash == digest.hash
            VerifyCommand.say("digest \(digest.position): " + (matches ? "matches; the log up to it is unchanged" : "DOES NOT MATCH"))
            guard matches else {
                throw CLIError(description: "verify: the export does not hold the digest at position \(digest.position); the record up to it was altered",
                               exitCode: 2)
            }
        }
        Console.line("verified")
    }
}
