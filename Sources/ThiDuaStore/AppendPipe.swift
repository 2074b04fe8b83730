import Foundation

/// The hand-over between the thread that decides a batch and the thread that writes it: rows in
/// order, in chunks, at most `capacity` chunks in flight so memory stays flat, and the one question
/// only the writer can answer (an id this batch may already hold).
final class AppendPipe: @unchecked Sendable {
    enum Message {
        case rows([PendingRow])
        case lookup(String)
        case decided(DecidedBatch)
        case failed(any Error)
    }

    /// The writer left; the decider stops.
    struct Stopped: Error {}

    static let chunk = 512
    static let capacity = 8

    private let condition = NSCondition()
    private var messages: [Message] = []
    private var stopped = false
    private var answer: Result<ExistingEvent?, any Error>?
    /// The decider's chunk being filled; only the deciding thread touches it.
    private var filling: [PendingRow] = []

    // MARK: The deciding side

    func send(_ row: PendingRow) throws {
        filling.append(row)
        if filling.count == Self.chunk { try flush() }
    }

    func flush() throws {
        guard !filling.isEmpty else { return }
        try put(.rows(filling))
        filling = []
        filling.reserveCapacity(Self.chunk)
    }

    /// Asks the writer, once it has written every row sent so far, for the event recorded under `id`.
    func ask(_ id: String) throws -> ExistingEvent? {
        try flush()
        try put(.lookup(id))
        condition.lock()
        defer { condition.unlock() }
        while answer == nil, !stopped { condition.wait() }
        guard let answer else { throw Stopped() }
        self.answer = nil
        return try answer.get()
    }

    /// The decider's last word: the decided batch, or why it stopped.
    func finish(_ result: Result<DecidedBatch, any Error>) {
        do {
            switch result {
            case .success(let batch):
                try flush()
                try put(.decided(batch))
            case .failure(let error):
                try put(.failed(error))
            }
        } catch {
            // The writer has stopped listening; nothing is left to tell it.
        }
    }

    private func put(_ message: Message) throws {
        condition.lock()
        defer { condition.unlock() }
        while messages.count >= Self.capacity, !stopped { condition.wait() }
        if stopped { throw Stopped() }
        messages.append(message)
        condition.broadcast()
    }

    // MARK: The writing side

    func take() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while messages.isEmpty { condition.wait() }
        condition.broadcast()
        return messages.removeFirst()
    }

    func reply(_ result: Result<ExistingEvent?, any Error>) {
        condition.lock()
        answer = result
        condition.broadcast()
        condition.unlock()
    }

    /// Releases a decider waiting on a full pipe or an answer; its next send throws `Stopped`.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
