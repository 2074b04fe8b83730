import Foundation
import GRDB
import GRDBSQLite

extension Database {
    /// SQLite reports some writes that fail for want of space (growing the -shm, a write during a commit on a nearly
    /// full disk, a file past the size limit) as a plain I/O error; the OS error it met tells them apart. SQLite keeps
    /// that error for the connection and for each file (the log and its -wal); any of them may hold it.
    var ranOutOfSpace: Bool {
        let connection = sqliteConnection
        var codes = [sqlite3_system_errno(connection)]
        var main: UnsafeMutablePointer<sqlite3_file>?
        var journal: UnsafeMutablePointer<sqlite3_file>?
        if sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &main) != SQLITE_OK { main = nil }
        if sqlite3_file_control(connection, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) != SQLITE_OK { journal = nil }
        for file in [main, journal] {
            guard let file, let methods = file.pointee.pMethods, let control = methods.pointee.xFileControl else { continue }
            var code: Int32 = 0
            if control(file, SQLITE_FCNTL_LAST_ERRNO, &code) == SQLITE_OK { codes.append(code) }
        }
        return codes.contains { $0 == ENOSPC || $0 == EDQUOT || $0 == EFBIG }
    }

    /// Runs `body`, reporting an I/O error met for want of space as SQLITE_FULL, so that the user reads "the disk is full".
    func reportingFullDisk<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_IOERR && ranOutOfSpace {
            throw DatabaseError(resultCode: .SQLITE_FULL, message: error.message)
        }
    }
}

extension DatabaseQueue {
    /// A write through the queue, with `Database.reportingFullDisk` also around what GRDB does after `body` (the commit).
    func reportingFullDisk<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_IOERR {
            if inDatabase({ $0.ranOutOfSpace }) { throw DatabaseError(resultCode: .SQLITE_FULL, message: error.message) }
            throw error
        }
    }
}
