import ThiDuaLog
import ThiDuaStore

/// JSON Lines held in memory (the demo's embedded history), parsed into `AppendItem`s one line at a time,
/// as `JSONLinesReader` does for a file.
struct BufferLines: Sequence {
    let bytes: [UInt8]
    let defaultActor: String?

    func makeIterator() -> AnyIterator<AppendItem> {
        var start = 0
        var lineNumber = 0
        return AnyIterator {
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                defer { start = end + 1 }
                lineNumber += 1
                var line = bytes[start..<end]
                if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
                while line.last == 0x0D { line = line.dropLast() }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let event = line.withUnsafeBufferPointer { buffer in
                    Result { () throws(ThiDuaError) -> ProposedEvent in try Envelope.parse(line: buffer, defaultActor: defaultActor) }
                }
                return AppendItem(line: lineNumber, event: event)
            }
            return nil
        }
    }
}
