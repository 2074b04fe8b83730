import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

extension DigestCommand {
    /// The head as the server's `GET /v1/digest` gives it, printed as from the file.
    func runRemote(_ server: RemoteServer) throws {
        let (position, hash, document) = try server.digest(at: at)
        switch output.format {
        case .json: Console.line(document.canonicalText)
        case .csv: Console.line("position,hash\n\(position),\(EventHashing.hex(hash))")
        case .table: Console.line("\(position):\(EventHashing.hex(hash))")
        }
    }
}

extension VerifyCommand {
    /// What the server finds verifying its own file (`GET /v1/verify`), read back into the report a local verify
    /// makes, so it prints the same lines (or document) and exits 2 alike when the log was altered. Only the server's
    /// process can read the file, so this proves what the server says of it; an auditor who does not trust the
    /// server verifies a copy of the file itself.
    func remoteReport(_ server: RemoteServer) throws -> VerifyReport {
        var query: [(String, String)] = []
        if let digest { query.append(("digest", digest)) }
        if quick { query.append(("quick", "true")) }
        guard let report = VerifyReport(json: try server.json("/v1/verify", query)) else {
            throw CLIError.rejected("the server at \(server.written) sent a verification this thidua cannot read; are both the same version?")
        }
        return report
    }
}

extension RemoteServer {
    /// The head of the server's log, or the row at `at` (`GET /v1/digest`), with the document as sent.
    func digest(at: Int64? = nil) throws -> (position: Int64, hash: [UInt8], document: JSON) {
        let document = try json("/v1/digest", at.map { [("at", String($0))] } ?? [])
        guard let f = document.objectValue, let position = f["position"]?.numberValue?.intValue,
              let hash = f["hash"]?.stringValue.flatMap(EventHashing.bytes(hex:)) else {
            throw CLIError.rejected("the server at \(written) sent a digest this thidua cannot read")
        }
        return (Int64(position), hash, document)
    }
}
