import Foundation

/// A loopback TCP peer that accepts one connection, reads the request's head and answers with fixed bytes (or nothing),
/// to see what the client makes of answers no real server sends.
final class ScriptedPeer: @unchecked Sendable {
    enum Script: Sendable {
        /// Write these bytes, then close.
        case answer([UInt8])
        /// Close without a word.
        case hangUp
        /// Keep the connection open and silent for this many seconds.
        case silence(Double)
    }

    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    private(set) var request = [UInt8]()

    init(_ script: Script) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        Thread.detachNewThread { [self] in
            let connection = accept(fd, nil, nil)
            defer { close(connection); done.signal() }
            guard connection >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !request.containsHeadEnd {
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else { break }
                request += buffer[..<count]
            }
            switch script {
            case .answer(let bytes): _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            case .hangUp: break
            case .silence(let seconds): Thread.sleep(forTimeInterval: seconds)
            }
        }
    }

    private var closed = false

    /// Waits for the peer to finish its script, and stops listening.
    func finish() {
        done.wait()
        closed = true
        close(listener)
    }

    /// A test that ended before `finish()` leaves no listener behind.
    deinit { if !closed { close(listener) } }
}

private extension [UInt8] {
    var containsHeadEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
