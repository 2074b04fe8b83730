import ThiDuaJSON
import ThiDuaLog

extension DigestCommand {
    /// The head as the server's `GET /v1/digest` gives it, printed as from the file.
    func runRemote(_ server: RemoteServer) throws {
        let document = try server.json("/v1/digest")
        guard let f = document.objectValue, let position = f["position"]?.numberValue?.intValue, let hex = f["hash"]?.stringValue,
              let hash = EventHashing.bytes(hex: hex) else {
            throw CLIError.rejected("the server at \(server.written) sent a digest this thidua cannot read")
        }
        switch output.format {
        case .json: Console.line(document.canonicalText)
        case .csv: Console.line("position,hash\n\(position),\(EventHashing.hex(hash))")
        case .table: Console.line("\(position):\(EventHashing.hex(hash))")
        }
    }
}

extension VerifyCommand {
    /// The server verifies its own file (`GET /v1/verify`); its findings are printed as `thidua verify` prints them,
    /// exit 2 when the log was altered. Only the server's process can read the file, so this proves what the server
    /// says of it; an auditor who does not trust the server verifies a copy of the file itself.
    func runRemote(_ server: RemoteServer) throws {
        var query: [(String, String)] = []
        if let digest {
            _ = try Self.parseDigest(digest)
            query.append(("digest", digest))
        }
        if quick { query.append(("quick", "true")) }
        let document = try server.json("/v1/verify", query)
        guard let f = document.objectValue, case .bool(let intact)? = f["intact"], let rows = f["rows"]?.numberValue?.intValue else {
            throw CLIError.rejected("the server at \(server.written) sent a verification this thidua cannot read")
        }
        let texts = { (name: String) in f[name]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        let missingTriggers = texts("missingTriggers"), schemaProblems = texts("schemaProblems")
        let projectionProblems = texts("projectionProblems"), outdated = texts("outdatedSnapshots")
        Self.say("server: \(server.written)")
        Self.say("rows: \(rows)")
        Self.say("sqlite \(quick ? "quick_check" : "integrity_check"): \(texts("integrity").joined(separator: "; "))")
        Self.say("append-only triggers: " + (missingTriggers.isEmpty ? "present" : "MISSING \(missingTriggers.joined(separator: ", "))"))
        Self.say("schema: " + (schemaProblems.isEmpty ? "exactly the tables, indexes and triggers thidua creates"
                                                      : "DIFFERS: \(Self.listed(schemaProblems))"))
        if let bad = f["chainBroken"]?.objectValue {
            Self.say("chain: BROKEN at position \(bad["position"]?.numberValue?.intValue ?? 0): \(bad["reason"]?.stringValue ?? "")")
        } else if let head = f["head"]?.objectValue, let position = head["position"]?.numberValue?.intValue, let hash = head["hash"]?.stringValue {
            Self.say("chain: intact up to position \(position), head \(hash)")
        } else {
            Self.say("chain: intact (empty log)")
        }
        if let broken = f["ruleBroken"]?.objectValue {
            Self.say("rules: BROKEN at position \(broken["position"]?.numberValue?.intValue ?? 0): \(broken["detail"]?.stringValue ?? "")")
        } else {
            Self.say("rules: every event re-decided from the start follows them")
        }
        Self.say("projections: " + (projectionProblems.isEmpty ? "match a replay of the log" : "DIFFER: \(projectionProblems.joined(separator: "; "))"))
        if !outdated.isEmpty {
            Self.say("snapshots: \(outdated.joined(separator: ", ")) written by an older thidua (outdated, not altered); "
                     + "the next append to the year or thidua rebuild replaces them")
        }
        if let d = f["digest"]?.objectValue, case .bool(let matches)? = d["matches"] {
            Self.say("digest \(d["position"]?.numberValue?.intValue ?? 0): " + (matches ? "matches; the log up to it is unchanged" : "DOES NOT MATCH"))
        }
        guard intact else { throw CLIError(description: "the log at \(server.written) was altered: see the lines above", exitCode: 2) }
        Console.line("verified")
    }
}
