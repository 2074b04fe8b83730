import ArgumentParser
import Crypto
import Dispatch
import Foundation
import ThiDuaJSON
import ThiDuaLog

/// `thidua bench-signatures FILE` (hidden): the bare Ed25519 loop `Tools/bench.py` sets a signed import against.
/// It reads the signed lines of FILE as `append` reads them, builds each one's signing bytes, and only then, timed,
/// verifies every signature with swift-crypto alone on every core: the same signatures over the same bytes, and
/// nothing else an import does.
struct BenchSignaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-signatures",
        abstract: "Verify the signatures of a signed JSON Lines file on every core, timed (for Tools/bench.py).",
        shouldDisplay: false
    )

    @Argument(help: "Signed JSON Lines file, or - for standard input.")
    var file: String = "-"

    @Option(help: "Threads verifying (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        var keys: [UInt8] = [], values: [UInt8] = [], messages: [UInt8] = [], ends: [Int] = []
        for item in try JSONLinesReader(path: file, defaultActor: nil, checkingSignatures: false) {
            let event = try item.event.mapError { $0.at(line: item.line) }.get()
            guard let signature = event.signature else { continue }
            keys += signature.publicKey
            values += signature.value
            messages += try SigningBytes.bytes(of: event)
            ends.append(messages.count)
        }
        let count = ends.count
        let workers = max(1, min(threads, count))
        let clock = ContinuousClock()
        var invalid = 0
        let elapsed = clock.measure {
            invalid = Self.verify(count: count, workers: workers, keys: keys, values: values, messages: messages, ends: ends)
        }
        guard invalid == 0 else { throw CLIError.rejected("\(invalid) of \(count) signatures do not verify") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Console.line(JSON.object([
            "signatures": JSON(count), "threads": JSON(workers),
            "seconds": .string(String(seconds)), "perSecond": .string(String(Double(count) / seconds)),
        ]).canonicalText)
    }

    /// Verifies signature `i` for `i` in 0..<count, `workers` threads sharing tasks of 64; returns how many failed.
    static func verify(count: Int, workers: Int, keys: [UInt8], values: [UInt8], messages: [UInt8], ends: [Int]) -> Int {
        let perTask = 64
        let tasks = (count + perTask - 1) / perTask
        let failed = Counter()
        let taken = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var failures = 0
            while true {
                let task = taken.add(1) - 1
                guard task < tasks else { break }
                for i in task * perTask..<min(count, (task + 1) * perTask) {
                    let start = i == 0 ? 0 : ends[i - 1]
                    let valid = (try? Curve25519.Signing.PublicKey(rawRepresentation: keys[i * 32..<(i + 1) * 32]))?
                        .isValidSignature(values[i * 64..<(i + 1) * 64], for: messages[start..<ends[i]]) ?? false
                    if !valid { failures += 1 }
                }
            }
            _ = failed.add(failures)
        }
        return failed.add(0)
    }

    /// A counter the threads share.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        /// Adds `amount`; returns the new value.
        func add(_ amount: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += amount
            return value
        }
    }
}
