import Foundation
import GRDB
import ThiDuaLog

extension EventStore {
    /// Copies the log as it stands into a new file beside `destination`, and returns that file's path: SQLite's backup
    /// API reads one snapshot inside one read transaction, which in WAL mode never blocks a writer. The caller checks
    /// the copy, then `publishBackup` gives it its name, so no half-made copy ever carries it. Refuses an existing
    /// `destination` (nothing written); a copy that fails midway is removed.
    package func backup(to destination: String) throws(StoreError) -> String {
        try Self.refuseExisting(destination)
        let building = destination + ".backing-up-\(getpid())"
        let descriptor = open(building, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw StoreError.database("cannot create \(building): \(String(cString: strerror(errno)))") }
        close(descriptor)
        do throws(StoreError) {
            try Self.translating {
                var config = Configuration()
                config.label = "thidua-backup"
                let copy = try DatabaseQueue(path: building, configuration: config)
                try copy.reportingFullDisk { try queue.backup(to: copy) }
                try copy.close()
            }
            let file = open(building, O_RDONLY)
            guard file >= 0, fsync(file) == 0, close(file) == 0 else {
                throw StoreError.database("cannot write the copy to disk: \(String(cString: strerror(errno)))")
            }
        } catch {
            Self.removeBackup(building)
            throw error
        }
        return building
    }

    /// Gives the checked copy its name (`name(_:as:)`) and removes what is left of it.
    package static func publishBackup(_ building: String, at destination: String) throws(StoreError) {
        defer { removeBackup(building) }
        try name(building, as: destination)
    }

    /// Names a finished file `destination`, never replacing a file that appeared there meanwhile: a hard link fails if
    /// the name exists; where the file system has no links, a rename after one more look.
    static func name(_ building: String, as destination: String) throws(StoreError) {
        if link(building, destination) == 0 {
            unlink(building)
            return
        }
        let failed = errno
        try refuseExisting(destination)
        guard failed != EEXIST, rename(building, destination) == 0 else {
            throw StoreError.database("cannot name the copy \(destination): \(String(cString: strerror(failed == EEXIST ? EEXIST : errno)))")
        }
    }

    package static func removeBackup(_ building: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(building + suffix) }
    }

    static func refuseExisting(_ destination: String) throws(StoreError) {
        var info = stat()
        guard lstat(destination, &info) != 0 else {
            throw StoreError.rejected(ThiDuaError(code: .backupTargetExists, reason: "\(destination) already exists; backup never overwrites a file",
                                                  hint: "name a new file; nothing was written"))
        }
    }
}
