import Foundation

/// A file read line by line with `getline`, each line handed over with its number and whether it ended in a line feed.
/// A class, so that one owner closes the FILE and frees getline's buffer.
package final class LineFile {
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    package private(set) var number = 0

    /// Opens `path` (`-` for standard input); nil with the reason when it cannot be read.
    package init(path: String) throws(StoreError) {
        if path == "-" {
            file = fdopen(0, "rb")
        } else {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                throw StoreError.notALog(path: path, reason: "it is a directory")
            }
            file = fopen(path, "rb")
        }
        guard file != nil else { throw StoreError.database("cannot read \(path): \(String(cString: strerror(errno)))") }
    }

    deinit {
        if let file { fclose(file) }
        free(buffer)
    }

    /// Calls `body` with the next line (without its line feed) and whether it had one; false at the end of the file.
    package func next(_ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws -> Bool {
        guard let file else { return false }
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else {
            if ferror(file) != 0 { throw StoreError.database("cannot read the file: \(String(cString: strerror(errno)))") }
            return false
        }
        number += 1
        var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
        let complete = bytes.last == 0x0A
        if complete { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
        try body(bytes, complete)
        return true
    }
}
