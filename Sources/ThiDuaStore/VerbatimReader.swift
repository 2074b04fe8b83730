import Foundation

/// A verbatim export read in chunks of lines, each chunk parsed (`VerbatimCheck.parse`: JSON, canonical text, the row's
/// own hash) on every core while the caller takes the chunk before it in order: the order-bound work (the chain's
/// links, the fold, the inserts) is all that is left on the caller's thread.
package final class VerbatimReader {
    private let file: LineFile
    private var line = 0

    static let chunkLines = 2048
    /// Evidence lines can be megabytes each: a chunk also ends once it holds this many bytes.
    static let chunkBytes = 32 << 20

    package init(path: String) throws(StoreError) {
        file = try LineFile(path: path)
    }

    /// Calls `body` with every line parsed, in file order.
    package func forEach(_ body: (VerbatimLine) throws -> Void) throws {
        var current = try readChunk().map(ParsingChunk.init)
        while let chunk = current {
            let next = try readChunk().map(ParsingChunk.init)
            for parsed in chunk.parsed() { try body(parsed) }
            current = next
        }
    }

    private func readChunk() throws -> Chunk? {
        var chunk = Chunk(firstLine: line + 1)
        chunk.bytes.reserveCapacity(Self.chunkLines * 512)
        while chunk.lines.count < Self.chunkLines, chunk.bytes.count < Self.chunkBytes {
            let more = try file.next { bytes, complete in
                chunk.lines.append((chunk.bytes.count, bytes.count, complete))
                chunk.bytes.append(contentsOf: bytes)
            }
            if !more { break }
        }
        line += chunk.lines.count
        return chunk.lines.isEmpty ? nil : chunk
    }
}

private struct Chunk: Sendable {
    let firstLine: Int
    var bytes: [UInt8] = []
    var lines: [(start: Int, count: Int, complete: Bool)] = []
}

/// A chunk being parsed on other threads from the moment it is made.
private final class ParsingChunk: @unchecked Sendable {
    private let chunk: Chunk
    private var results: [VerbatimLine]
    private let done = DispatchGroup()

    init(_ chunk: Chunk) {
        self.chunk = chunk
        results = Array(repeating: .header, count: chunk.lines.count)
        done.enter()
        DispatchQueue.global().async { [self] in
            let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunk.lines.count / 64))
            let count = chunk.lines.count
            chunk.bytes.withUnsafeBufferPointer { bytes in
                results.withUnsafeMutableBufferPointer { results in
                    let shared = UncheckedSendable((bytes, results))
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let (bytes, results) = shared.value
                        for index in (count * part / parts)..<(count * (part + 1) / parts) {
                            let line = chunk.lines[index]
                            results[index] = VerbatimCheck.parse(UnsafeBufferPointer(rebasing: bytes[line.start..<(line.start + line.count)]),
                                                                 complete: line.complete, line: chunk.firstLine + index)
                        }
                    }
                }
            }
            done.leave()
        }
    }

    func parsed() -> [VerbatimLine] {
        done.wait()
        return results
    }
}
