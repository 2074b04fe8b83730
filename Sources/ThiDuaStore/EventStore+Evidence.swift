import Crypto
import Foundation
import GRDB
import GRDBSQLite
import ThiDuaCore
import ThiDuaLog

/// A document the log keeps (minh chứng): what `evidence add` prints.
package struct KeptEvidence: Sendable, Equatable {
    package let sha256: String
    package let bytes: Int64
    package let mediaType: String?
    /// Whether the log already kept it before (the same content is kept once).
    package let alreadyKept: Bool

    package init(sha256: String, bytes: Int64, mediaType: String?, alreadyKept: Bool) {
        self.sha256 = sha256
        self.bytes = bytes
        self.mediaType = mediaType
        self.alreadyKept = alreadyKept
    }
}

extension EventStore {
    /// A second connection that writes the log this process already holds, opened by SQLite alone: a file descriptor
    /// of ours on the same file would drop SQLite's POSIX locks when closed. The server keeps documents through it.
    package func documentConnection() throws(StoreError) -> EventStore {
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "thidua-documents"
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let queue = try Self.translating { try DatabaseQueue(path: path, configuration: config) }
        return EventStore(path: path, queue: queue, clock: clock, newID: newID, throughSQLiteOnly: true)
    }

    /// Keeps `document` in the log's `evidence` table (outside the chain), once per content.
    package func addEvidence(_ document: EvidenceDocument) throws(StoreError) -> KeptEvidence {
        try Self.translating {
            try queue.reportingFullDisk {
                try queue.writeWithoutTransaction { db in
                    var kept: KeptEvidence?
                    try db.inTransaction(.immediate) {
                        kept = try Self.insert(document, db)
                        return .commit
                    }
                    guard let kept else { throw StoreError.database("the document \(document.sha256) was not stored") }
                    return kept
                }
            }
        }
    }

    /// Inserts a document unless its content is kept already; the kept one's media type stays.
    static func insert(_ document: EvidenceDocument, _ db: Database) throws -> KeptEvidence {
        if let kept = try Row.fetchOne(db, sql: "SELECT bytes, mediaType FROM evidence WHERE sha256 = ?", arguments: [document.sha256]) {
            return KeptEvidence(sha256: document.sha256, bytes: kept[0], mediaType: kept[1], alreadyKept: true)
        }
        let statement = try db.cachedStatement(sql: "INSERT INTO evidence (sha256, bytes, mediaType, content) VALUES (?, ?, ?, ?)")
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        _ = sqlite3_bind_text(s, 1, document.sha256, -1, transient)
        sqlite3_bind_int64(s, 2, document.bytes)
        if let mediaType = document.mediaType { _ = sqlite3_bind_text(s, 3, mediaType, -1, transient) } else { sqlite3_bind_null(s, 3) }
        // A zero-length blob bound from a null pointer would be NULL; bind an empty blob explicitly.
        if document.content.isEmpty {
            sqlite3_bind_zeroblob(s, 4, 0)
        } else {
            _ = document.content.withUnsafeBytes { sqlite3_bind_blob64(s, 4, $0.baseAddress, sqlite3_uint64($0.count), nil) }
        }
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        guard db.changesCount == 1 else {
            throw StoreError.database("the document \(document.sha256) was not stored; a trigger that thidua did not create discarded it (run thidua verify)")
        }
        return KeptEvidence(sha256: document.sha256, bytes: document.bytes, mediaType: document.mediaType, alreadyKept: false)
    }

    /// The kept document named `sha256`, checked against its name; `no-such-evidence` when the log does not keep it,
    /// `log-altered` when its content no longer hashes to it.
    package func evidence(sha256: String) throws(StoreError) -> [UInt8] {
        try Self.requireSHA256(sha256)
        return try Self.translating {
            try queue.read { db in
                guard let content = try Self.content(sha256: sha256, db) else {
                    throw StoreError.rejected(ThiDuaError(code: .noSuchEvidence, field: "sha256", reason: "the log keeps no document \(sha256)",
                                                          hint: "thidua evidence add FILE keeps one"))
                }
                guard EventHashing.hex(Array(SHA256.hash(data: content))) == sha256 else {
                    throw StoreError.rejected(ThiDuaError(code: .logAltered, field: "sha256",
                                                          reason: "the document kept as \(sha256) no longer hashes to it; it was altered",
                                                          hint: "run thidua verify"))
                }
                return content
            }
        }
    }

    /// Refuses a name that is not a SHA-256 (`no-such-evidence`), as a document is asked for by it.
    package static func requireSHA256(_ sha256: String) throws(StoreError) {
        guard Evidence.isSHA256(sha256) else {
            throw StoreError.rejected(ThiDuaError(code: .noSuchEvidence, field: "sha256", reason: "\"\(sha256.prefix(70))\" is not a SHA-256",
                                                  hint: "64 lowercase hex digits, as thidua evidence add prints it"))
        }
    }

    /// The media type a kept document was added with; nil when none was given or the log keeps no such document.
    package func evidenceMediaType(sha256: String) throws(StoreError) -> String? {
        try Self.translating {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT mediaType FROM evidence WHERE sha256 = ?", arguments: [sha256]) }
        }
    }

    /// The stored bytes of a document whatever their SQLite type, or nil when absent.
    static func content(sha256: String, _ db: Database) throws -> [UInt8]? {
        let statement = try db.cachedStatement(sql: "SELECT content FROM evidence WHERE sha256 = ?")
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        defer { sqlite3_reset(s) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        _ = sqlite3_bind_text(s, 1, sha256, -1, transient)
        let code = sqlite3_step(s)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return nil }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        let count = Int(sqlite3_column_bytes(s, 0))
        guard count > 0, let bytes = sqlite3_column_blob(s, 0) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Each document cited in `cited` that the log does not keep intact, naming it and the first event citing it;
    /// the first problem stops the check.
    static func evidenceProblem(_ db: Database, cited: CitedEvidence) throws -> (position: Int64, reason: String)? {
        for document in cited.documents {
            guard let content = try content(sha256: document.sha256, db) else {
                return (document.position, "evidence document \(document.sha256) is missing from the log")
            }
            guard Int64(content.count) == document.bytes,
                  EventHashing.hex(Array(SHA256.hash(data: content))) == document.sha256 else {
                return (document.position, "evidence document \(document.sha256) was altered: its content no longer hashes to it")
            }
        }
        return nil
    }

    /// Refuses a self-score citing a document the log does not keep, or giving it another size (append's check).
    static func requireKept(_ evidence: [Evidence], _ db: Database) throws {
        for (index, item) in evidence.enumerated() {
            guard let sha256 = item.sha256 else { continue }
            let field = "data.evidence[\(index)].sha256"
            guard let bytes = try Int64.fetchOne(db, sql: "SELECT bytes FROM evidence WHERE sha256 = ?", arguments: [sha256]) else {
                throw ThiDuaError(code: .evidenceMissing, field: field, reason: "the log keeps no document \(sha256)",
                                  hint: "keep it first with thidua evidence add FILE (or use score submit --evidence-file)")
            }
            if let given = item.bytes, given != bytes {
                throw ThiDuaError(code: .evidenceMismatch, field: field,
                                  reason: "document \(sha256) has \(bytes) bytes, the event says \(given)")
            }
        }
    }
}
