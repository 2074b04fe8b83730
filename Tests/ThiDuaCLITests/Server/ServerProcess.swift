import Foundation
import Testing

/// A `thidua serve` started on a free loopback port for one test, and stopped (and waited for) by `stop()`.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    private let out: Pipe
    private let err: Pipe

    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts `thidua serve --listen 127.0.0.1:0` with `extra` options and waits for the port it prints.
    init(_ cli: Thidua, _ extra: [String] = []) throws {
        (process, out, err) = try cli.start(["serve", "--listen", "127.0.0.1:0", "--db", cli.database] + extra)
        var printed = Data()
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains(0x0A), Date() < deadline, process.isRunning {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let portText = line.split(separator: "\n").first?.split(separator: ":").last, let port = Int(portText) else {
            process.terminate()
            process.waitUntilExit()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ServerFailure(message: "serve printed no port: \(line) \(stderr)")
        }
        self.port = port
    }

    /// SIGTERM, then waits; answers the exit status and what it wrote to standard error.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> (status: Int32, stderr: String) {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, stderr)
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    struct ServerFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// An HTTP answer: status, content type and body.
    struct Answer: CustomStringConvertible {
        var status: Int
        var contentType: String
        var body: String
        var description: String { "HTTP \(status) \(contentType)\n\(body)" }

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "\(self)")
        }
    }

    /// One request through curl, as another program would make it.
    func request(_ method: String = "GET", _ path: String, body: String? = nil, contentType: String = "application/x-ndjson",
                 headers: [String] = []) throws -> Answer {
        try Self.curl(method, base + path, body: body, contentType: contentType, headers: headers)
    }

    static func curl(_ method: String, _ url: String, body: String? = nil, contentType: String = "application/x-ndjson",
                     headers: [String] = [], rate: String? = nil) throws -> Answer {
        var arguments = ["-sS", "-X", method, "-o", "-", "-w", "\n%{http_code} %{content_type}", "--max-time", "60"]
        if let rate { arguments += ["--limit-rate", rate] }
        for header in headers { arguments += ["-H", header] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let input = Pipe(), out = Pipe()
        if body != nil { arguments += ["-H", "Content-Type: \(contentType)", "--data-binary", "@-"] }
        process.arguments = ["curl"] + arguments + [url]
        process.standardInput = input
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let body { input.fileHandleForWriting.write(Data(body.utf8)) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.lastIndex(of: "\n") else { throw ServerFailure(message: "curl printed nothing for \(url)") }
        let trailer = text[text.index(after: split)...].split(separator: " ", maxSplits: 1)
        return Answer(status: Int(trailer.first ?? "") ?? 0, contentType: trailer.count > 1 ? String(trailer[1]) : "",
                      body: String(text[..<split]))
    }

    /// Server-sent events read with curl until `count` events arrived (or `seconds` passed); then the client goes away.
    static func events(_ url: String, lastEventID: Int64? = nil, count: Int, seconds: Double = 30) throws -> [(id: Int64, data: String)] {
        var arguments = ["curl", "-sSN", "-H", "Accept: text/event-stream", "--max-time", String(Int(seconds))]
        if let lastEventID { arguments += ["-H", "Last-Event-ID: \(lastEventID)"] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments + [url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        var events: [(id: Int64, data: String)] = []
        while events.count < count {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            while let end = text.range(of: "\n\n") {
                let block = text[..<end.lowerBound]
                text = String(text[end.upperBound...])
                var id: Int64?
                var data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("id: ") { id = Int64(line.dropFirst(4)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                if let id { events.append((id, data)) }
            }
        }
        // The client goes away at once: SIGKILL, since a child of Foundation's Process starts with SIGTERM blocked.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return events
    }
}
