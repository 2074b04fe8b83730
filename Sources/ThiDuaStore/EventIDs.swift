import Foundation

/// Time-ordered UUIDs (version 7, RFC 9562) for events that arrive without an id.
///
/// Consecutive ids share their leading bytes, so the `UNIQUE(id)` index grows at its end like the
/// log itself instead of at random places: a 1M-event import no longer thrashes the page cache.
/// Foundation's `UUID()` also opened the system random device on every call here; the random bits
/// come from a xoshiro256** generator seeded once by the system's.
final class EventIDs: @unchecked Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var lastMillisecond: UInt64 = 0
    private var counter: UInt64 = 0
    private let lock = NSLock()

    private static let hex: StaticString = "0123456789abcdef"

    init() {
        var system = SystemRandomNumberGenerator()
        state = (system.next(), system.next(), system.next(), system.next() | 1)
    }

    private func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// 48 bits of Unix milliseconds, version 7, a 12-bit counter that keeps ids from one process
    /// increasing within a millisecond, the variant, and 62 random bits.
    func uuid(millisecond now: UInt64 = UInt64(Date().timeIntervalSince1970 * 1000)) -> String {
        lock.lock()
        if now > lastMillisecond {
            lastMillisecond = now
            counter = next() & 0x1FF
        } else {
            counter += 1
            if counter > 0xFFF {
                lastMillisecond += 1
                counter = 0
            }
        }
        let high = (lastMillisecond & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | counter
        let low = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        lock.unlock()
        return String(unsafeUninitializedCapacity: 36) { out in
            Self.hex.withUTF8Buffer { hex in
                var at = 0
                func write(_ value: UInt64, dashesAt first: Int, _ second: Int) {
                    for digit in 0..<16 {
                        if digit == first || digit == second {
                            out[at] = UInt8(ascii: "-")
                            at += 1
                        }
                        out[at] = hex[Int((value >> UInt64(60 - 4 * digit)) & 0xF)]
                        at += 1
                    }
                }
                write(high, dashesAt: 8, 12)
                write(low, dashesAt: 0, 4)
                return at
            }
        }
    }
}
