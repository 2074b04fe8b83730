import ThiDuaCore

/// The documents a log's events cite, each with the size the first citing event gives and that event's position.
struct CitedEvidence: Sendable {
    private(set) var documents: [(sha256: String, bytes: Int64, position: Int64)] = []
    private var seen = Set<String>()

    mutating func note(_ evidence: [Evidence], at position: Int64) {
        for item in evidence {
            guard let sha256 = item.sha256, let bytes = item.bytes, seen.insert(sha256).inserted else { continue }
            documents.append((sha256, bytes, position))
        }
    }
}
