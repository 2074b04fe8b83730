import Foundation

/// Items handed from one thread to another in order, in chunks of at most `chunkSize` items or `chunkBytes` bytes, with
/// at most `capacityBytes` queued (and always room for one chunk), so memory stays flat whatever the items weigh. One
/// thread sends and finishes; one takes.
final class ChunkPipe<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [(items: [Element], bytes: Int)] = []
    private var queuedBytes = 0
    private var finished = false
    /// The sender's chunk being filled; only the sending thread touches these.
    private var filling: [Element] = []
    private var fillingBytes = 0
    private let chunkSize: Int
    private let chunkBytes: Int
    private let capacityBytes: Int
    private let weight: (Element) -> Int

    init(chunkSize: Int = 512, chunkBytes: Int = 256 << 10, capacityBytes: Int = 2 << 20, weight: @escaping (Element) -> Int) {
        self.chunkSize = max(1, chunkSize)
        self.chunkBytes = max(1, chunkBytes)
        self.capacityBytes = max(1, capacityBytes)
        self.weight = weight
        filling.reserveCapacity(self.chunkSize)
    }

    func send(_ item: Element) {
        filling.append(item)
        fillingBytes += weight(item)
        if filling.count == chunkSize || fillingBytes >= chunkBytes { flush() }
    }

    /// No more items: the taker gets what was sent, then nil.
    func finish() {
        flush()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Drops what is queued and ends the pipe: the taker gets nil next.
    func cancel() {
        condition.lock()
        chunks.removeAll()
        queuedBytes = 0
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
        queuedBytes -= chunk.bytes
        condition.broadcast()
        return chunk.items
    }

    private func flush() {
        guard !filling.isEmpty else { return }
        condition.lock()
        while !chunks.isEmpty, queuedBytes + fillingBytes > capacityBytes, !finished { condition.wait() }
        if !finished {
            chunks.append((filling, fillingBytes))
            queuedBytes += fillingBytes
            condition.broadcast()
        }
        condition.unlock()
        filling = []
        fillingBytes = 0
        filling.reserveCapacity(chunkSize)
    }
}
