import Crypto
import Foundation
import ThiDuaCore
import ThiDuaLog

/// A document to keep in the log's `evidence` table: its content and SHA-256, read from a file in chunks and
/// hashed as it is read, so memory holds the document once and nothing more.
package struct EvidenceDocument: Sendable {
    package let content: [UInt8]
    package let sha256: String
    package var mediaType: String?

    package var bytes: Int64 { Int64(content.count) }

    package init(content: [UInt8], mediaType: String? = nil) {
        self.content = content
        self.sha256 = EventHashing.hex(Array(SHA256.hash(data: content)))
        self.mediaType = mediaType
    }

    /// Reads `path`; throws `unreadable-evidence` naming the file when it is missing, not a regular file, larger
    /// than `Evidence.maximumBytes` or cannot be read.
    package init(path: String, mediaType: String? = nil) throws(ThiDuaError) {
        func refuse(_ reason: String, hint: String? = nil) -> ThiDuaError {
            ThiDuaError(code: .unreadableEvidence, reason: "\(path): \(reason)", hint: hint)
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw refuse(String(cString: strerror(errno)).lowercased()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw refuse("not a regular file", hint: "give the document's file") }
        guard Int64(info.st_size) <= Evidence.maximumBytes else {
            throw refuse("\(info.st_size) bytes; a document is at most \(Evidence.maximumBytes) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw refuse("cannot be opened for reading") }
        defer { try? handle.close() }
        var content: [UInt8] = []
        content.reserveCapacity(Int(info.st_size))
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw refuse("cannot be read (\(error.localizedDescription))") }
            guard let chunk, !chunk.isEmpty else { break }
            guard Int64(content.count) + Int64(chunk.count) <= Evidence.maximumBytes else {
                throw refuse("more than \(Evidence.maximumBytes) bytes; a document is at most that")
            }
            hasher.update(data: chunk)
            content.append(contentsOf: chunk)
        }
        self.content = content
        self.sha256 = EventHashing.hex(Array(hasher.finalize()))
        self.mediaType = mediaType
    }
}
