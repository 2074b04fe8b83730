import Foundation
import GRDB
import ThiDuaLog

extension EventStore {
    /// Copies the log as it stands into a new file at `destination` while writers go on: SQLite's backup API reads
    /// one snapshot inside one read transaction, which in WAL mode never blocks a writer. Refuses an existing path
    /// (nothing written); a copy that fails midway is removed.
    package func backup(to destination: String) throws(StoreError) {
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw StoreError.rejected(ThiDuaError(code: .backupTargetExists, reason: "\(destination) already exists; backup never overwrites a file",
                                                      hint: "name a new file; nothing was written"))
            }
            throw StoreError.database("cannot create \(destination): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        do {
            try Self.translating {
                var config = Configuration()
                config.label = "thidua-backup"
                let copy = try DatabaseQueue(path: destination, configuration: config)
                try copy.reportingFullDisk { try queue.backup(to: copy) }
                try copy.close()
            }
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(destination + suffix) }
            throw error
        }
    }
}
