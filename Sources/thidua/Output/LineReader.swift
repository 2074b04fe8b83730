import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// Reads JSON Lines from a file or standard input one line at a time, parsing each into an `AppendItem`.
/// Blank lines are skipped; memory stays flat however long the input is. From a signed line on, it reads
/// `lookahead` lines at a time and has their signatures verified on the other cores (`SignatureCheck`) while
/// it parses the next lines and its caller decides the lines before; unsigned lines before the first signed
/// one are handed on as they are read.
/// A class, so that one owner holds the FILE and getline's buffer: closed once, at the end of the input or on
/// deinit, and never read after.
final class JSONLinesReader: Sequence, IteratorProtocol {
    private var file: UnsafeMutablePointer<FILE>?
    private let closes: Bool
    private let defaultActor: String?
    private let checksSignatures: Bool
    private var lineNumber = 0
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    /// Lines read ahead, their signatures verified, not yet handed on.
    private var ahead: [AppendItem] = []
    private var aheadIndex = 0
    /// The lines read after `ahead`, their signatures being verified.
    private var verifying: VerifyingBatch?

    static let lookahead = 1024

    /// With `checkingSignatures` false, signatures are read but never verified (`thidua bench-signatures` times that itself).
    init(path: String, defaultActor: String?, checkingSignatures: Bool = true) throws {
        self.defaultActor = defaultActor
        self.checksSignatures = checkingSignatures
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
        if aheadIndex < ahead.count {
            defer { aheadIndex += 1 }
            return ahead[aheadIndex]
        }
        if verifying == nil {
            guard let item = readItem() else { return nil }
            guard checksSignatures, case .success(let event) = item.event, event.signature != nil else { return item }
            verifying = VerifyingBatch(readAhead(from: item))
        }
        let following = readAhead(from: nil)
        let next = following.isEmpty ? nil : VerifyingBatch(following)
        ahead = verifying!.verified()
        verifying = next
        aheadIndex = 1
        return ahead[0]
    }

    /// Up to `lookahead` lines: `first`, then those read after it.
    private func readAhead(from first: AppendItem?) -> [AppendItem] {
        var items: [AppendItem] = []
        items.reserveCapacity(Self.lookahead)
        if let first { items.append(first) }
        while items.count < Self.lookahead, let item = readItem() { items.append(item) }
        return items
    }

    /// The next line parsed, its signature read but not yet verified.
    private func readItem() -> AppendItem? {
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
                try Envelope.parse(line: bytes, defaultActor: defaultActor, checkingSignature: false)
            }
            return AppendItem(line: lineNumber, event: event)
        }
    }
}

/// Lines whose signatures are verified on other threads from the moment the batch is made.
private final class VerifyingBatch: @unchecked Sendable {
    private var items: [AppendItem]
    /// Written once by the verifying thread, read after `done`.
    private var refusals: [Int: ThiDuaError] = [:]
    private let done = DispatchGroup()

    init(_ items: [AppendItem]) {
        self.items = items
        let events = items.map { try? $0.event.get() }
        done.enter()
        DispatchQueue.global().async { [self] in
            refusals = SignatureCheck.refusals(events)
            done.leave()
        }
    }

    /// The lines, each refused whose signature does not verify; waits for the verification to end.
    func verified() -> [AppendItem] {
        done.wait()
        for (index, refusal) in refusals { items[index].event = .failure(refusal) }
        return items
    }
}
