import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// Reads JSON Lines from a file or standard input one line at a time, parsing each into an `AppendItem`.
/// Blank lines are skipped; memory stays flat however long the input is.
/// A class, so that one owner holds the FILE and getline's buffer: closed once, at the end of the input or on
/// deinit, and never read after.
final class JSONLinesReader: Sequence, IteratorProtocol {
    private var file: UnsafeMutablePointer<FILE>?
    private let closes: Bool
    private let defaultActor: String?
    private var lineNumber = 0
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    init(path: String, defaultActor: String?) throws {
        self.defaultActor = defaultActor
        if path == "-" {
            guard let input = fdopen(0, "rb") else { throw CLIError.rejected("cannot read standard input") }
            file = input
            closes = false
        } else {
            guard let opened = fopen(path, "rb") else {
                throw CLIError.rejected("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            file = opened
            closes = true
        }
    }

    deinit {
        close()
        free(buffer)
    }

    private func close() {
        if let file, closes { fclose(file) }
        file = nil
    }

    func next() -> AppendItem? {
        while true {
            guard let file else { return nil }
            let length = getline(&buffer, &capacity, file)
            guard length >= 0, let buffer else {
                let failed = ferror(file) != 0 ? errno : 0
                close()
                if failed != 0 {
                    let reason = ThiDuaError(code: .unreadableInput, reason: "cannot read the input: \(String(cString: strerror(failed)))")
                    return AppendItem(line: lineNumber + 1, event: .failure(reason))
                }
                return nil
            }
            lineNumber += 1
            var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3))
            }
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let event = Result { () throws(ThiDuaError) -> ProposedEvent in
                try Envelope.parse(line: bytes, defaultActor: defaultActor)
            }
            return AppendItem(line: lineNumber, event: event)
        }
    }
}
