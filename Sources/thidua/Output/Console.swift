import Foundation

/// Buffered writing to standard output and error.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func line(_ text: String = "") {
        write(text)
        buffer.append(0x0A)
    }

    /// Writes what is buffered; false when standard output no longer takes it (a closed pipe).
    @discardableResult
    static func flush() -> Bool {
        guard !buffer.isEmpty else { return true }
        let complete = buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        buffer.removeAll(keepingCapacity: true)
        return complete
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
