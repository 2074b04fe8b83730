import Foundation
import GRDB

/// What lies at a log's path, judged before SQLite is let near it, and how to open it without changing it (§14).
enum LogFile {
    enum Kind {
        case missing
        /// A 0-byte file: SQLite would take it for an empty database.
        case empty
        /// An SQLite file; `wal` when its header says WAL mode.
        case sqlite(wal: Bool)
    }

    static func kind(_ path: String) throws(StoreError) -> Kind {
        guard !path.isEmpty else { throw StoreError.notALog(path: path, reason: "the path is empty") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw StoreError.notALog(path: path, reason: "cannot look at it (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.notALog(path: path, reason: info.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "it is not a regular file")
        }
        if info.st_size == 0 { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.notALog(path: path, reason: "cannot read it (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notALog(path: path, reason: "it is not an SQLite database")
        }
        return .sqlite(wal: header[18] == 2 && header[19] == 2)
    }

    /// `openForReading(_:wal:)` for a path that should hold an SQLite file.
    static func openForReading(_ path: String) throws(StoreError) -> DatabaseQueue {
        guard case .sqlite(let wal) = try kind(path) else { throw StoreError.notALog(path: path, reason: "it is not an SQLite database") }
        return try openForReading(path, wal: wal)
    }

    /// A connection that reads the file as it is: no schema change, no switch to WAL, nothing written.
    ///
    /// A WAL-mode file is read through its `-wal` and `-shm` companions. When they exist, another process has the log
    /// open (or left them), and SQLite's read-only mode uses them as they are. When they do not, SQLite's read-only mode
    /// would create them and leave them behind; so a file the user may write is opened as a writer would but with
    /// `query_only`, and SQLite removes the companions when the command ends, as after any write; a file on read-only
    /// media (or that the user may not write) is opened `immutable`, which creates nothing at all.
    static func openForReading(_ path: String, wal: Bool) throws(StoreError) -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(EventStore.busyTimeout)
        config.label = "thidua-reader"
        config.readonly = true
        // The first read sets up the -shm; on a full disk that fails as an I/O error, told apart here.
        config.prepareDatabase { db in try db.reportingFullDisk { _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") } }
        let companions = FileManager.default.fileExists(atPath: path + "-wal") || FileManager.default.fileExists(atPath: path + "-shm")
        guard wal, !companions else { return try open(path, config) }
        if isWritable(path) {
            config.readonly = false
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
            return try open(path, config)
        }
        return try open(immutableURI(path), config)
    }

    private static func open(_ location: String, _ config: Configuration) throws(StoreError) -> DatabaseQueue {
        try EventStore.translating { try DatabaseQueue(path: location, configuration: config) }
    }

    /// The file and its directory both writable by this process (false on read-only media).
    static func isWritable(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
    }

    /// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0x80...: encoded += String(format: "%%%02X", byte)
            default: encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + (path.hasPrefix("/") ? "//" : "") + encoded + "?immutable=1"
    }

    /// Refuses a database another program made (it has tables, none of them thidua's `event`), naming what it holds;
    /// with `allowEmpty`, a database with no tables at all passes (a write command makes a log of it).
    static func requireThiduaTables(_ db: Database, path: String, allowEmpty: Bool) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        guard !tables.contains("event"), !(allowEmpty && tables.isEmpty) else { return }
        let holds = tables.isEmpty ? "an SQLite database with no tables"
            : "an SQLite database of another program (tables: \(tables.prefix(5).joined(separator: ", "))\(tables.count > 5 ? ", …" : ""))"
        throw StoreError.notALog(path: path, reason: "it is \(holds)")
    }
}
