import Foundation

/// Items handed from one thread to another in order, in chunks, at most `capacity` chunks in flight so memory stays
/// flat. One thread sends and finishes; one takes.
final class ChunkPipe<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[Element]] = []
    private var finished = false
    /// The sender's chunk being filled; only the sending thread touches it.
    private var filling: [Element] = []
    private let chunkSize: Int
    private let capacity: Int

    init(chunkSize: Int = 512, capacity: Int = 8) {
        self.chunkSize = max(1, chunkSize)
        self.capacity = max(1, capacity)
        filling.reserveCapacity(self.chunkSize)
    }

    func send(_ item: Element) {
        filling.append(item)
        if filling.count == chunkSize { flush() }
    }

    /// No more items: the taker gets what was sent, then nil.
    func finish() {
        flush()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil once the sender finished and everything was taken.
    func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !finished { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    private func flush() {
        guard !filling.isEmpty else { return }
        condition.lock()
        while chunks.count >= capacity { condition.wait() }
        chunks.append(filling)
        condition.broadcast()
        condition.unlock()
        filling = []
        filling.reserveCapacity(chunkSize)
    }
}
