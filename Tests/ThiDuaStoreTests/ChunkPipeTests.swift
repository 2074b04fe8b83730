import Foundation
import Testing
@testable import ThiDuaStore

/// The hand-over between verify's reading thread and its folding thread.
@Suite("Store: chunk pipe")
struct ChunkPipeTests {
    static func collect(_ pipe: ChunkPipe<Int>, sending items: Range<Int>) -> [Int] {
        let sender = Thread {
            for item in items { pipe.send(item) }
            pipe.finish()
        }
        sender.start()
        var taken: [Int] = []
        while let chunk = pipe.take() { taken += chunk }
        return taken
    }

    @Test(arguments: [1, 7, 512])
    func everyItemArrivesOnceInOrder(chunkSize: Int) {
        let pipe = ChunkPipe<Int>(chunkSize: chunkSize, capacityBytes: 64) { _ in 1 }
        #expect(Self.collect(pipe, sending: 0..<3_000) == Array(0..<3_000))
    }

    @Test func itemsHeavierThanTheWholeCapacityStillPassOneChunkAtATime() {
        let pipe = ChunkPipe<Int>(chunkSize: 512, chunkBytes: 10, capacityBytes: 10) { _ in 1_000 }
        #expect(Self.collect(pipe, sending: 0..<50) == Array(0..<50))
    }

    @Test func aCancelledPipeDropsWhatIsQueuedAndEnds() {
        let pipe = ChunkPipe<Int>(chunkSize: 4) { _ in 1 }
        for item in 0..<12 { pipe.send(item) }
        pipe.cancel()
        #expect(pipe.take() == nil)
        pipe.send(12)
        pipe.finish()
        #expect(pipe.take() == nil)
    }
}
