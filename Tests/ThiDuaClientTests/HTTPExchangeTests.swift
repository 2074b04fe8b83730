import Foundation
import Testing
@testable import ThiDuaClient

/// The remote CLI's HTTP client against peers that misbehave: every failure is an error that says what happened, none
/// hangs past its timeout, and a proper answer arrives whole, chunked or not.
@Suite("The HTTP client of --server")
struct HTTPExchangeTests {
    static func exchange(_ port: Int, method: String = "GET", body: [UInt8] = [], timeout: Int64 = 10) -> HTTPExchange {
        HTTPExchange(scheme: .http, host: "127.0.0.1", port: port, target: "/v1/digest?at=5", method: method,
                     headers: [(name: "Content-Type", value: "application/x-ndjson")], body: body, timeout: timeout)
    }

    @Test func anAnswerArrivesWholeAndTheRequestSaysWhatItCarries() throws {
        let peer = try ScriptedPeer(.answer(Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}".utf8)))
        let answer = try Self.exchange(peer.port, method: "POST", body: Array("{}\n".utf8)).send()
        peer.finish()
        #expect(answer.status == 200 && answer.body == Array("{\"a\":1}".utf8) && answer.header("content-type") == "application/json")
        let head = String(decoding: peer.request, as: UTF8.self)
        #expect(head.hasPrefix("POST /v1/digest?at=5 HTTP/1.1\r\n"), "\(head)")
        for line in ["Host: 127.0.0.1:\(peer.port)", "Content-Length: 3", "Connection: close", "Content-Type: application/x-ndjson"] {
            #expect(head.contains("\r\n\(line)\r\n"), "\(line) in \(head)")
        }
    }

    @Test func aChunkedAnswerIsJoined() throws {
        let peer = try ScriptedPeer(.answer(Array("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n".utf8)))
        let answer = try Self.exchange(peer.port).send()
        peer.finish()
        #expect(answer.status == 404 && answer.body == Array("abcde".utf8))
    }

    @Test(arguments: [
        (ScriptedPeer.Script.hangUp, HTTPClientError.Kind.broken, "closed before the whole answer"),
        (.answer(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8)), .broken, "not HTTP"),
        (.answer(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort".utf8)), .broken, "closed before the whole answer"),
        (.silence(1.5), .timeout, "no answer within 1 s"),
    ])
    func aBrokenPeerIsAnErrorThatSaysSo(script: ScriptedPeer.Script, kind: HTTPClientError.Kind, words: String) throws {
        let peer = try ScriptedPeer(script)
        let started = Date()
        let error = #expect(throws: HTTPClientError.self) { try Self.exchange(peer.port, timeout: 1).send() }
        #expect(Date().timeIntervalSince(started) < 2.5)
        peer.finish()
        #expect(error?.kind == kind && error?.description.contains(words) == true, "\(String(describing: error))")
    }

    @Test func nobodyListeningIsConnectionRefused() throws {
        let peer = try ScriptedPeer(.hangUp)
        let port = peer.port
        _ = try? HTTPExchange(scheme: .http, host: "127.0.0.1", port: port, target: "/").send()
        peer.finish()
        let error = #expect(throws: HTTPClientError.self) { try Self.exchange(port).send() }
        #expect(error?.kind == .unreachable && error?.description == "connection refused", "\(String(describing: error))")
    }

    @Test(arguments: [
        ("example.org", nil, HTTPExchange.Scheme.https, "example.org"),
        ("example.org", 443, .https, "example.org"),
        ("example.org", 8443, .https, "example.org:8443"),
        ("127.0.0.1", 80, .http, "127.0.0.1"),
        ("::1", 8080, .http, "[::1]:8080"),
    ])
    func theHostHeaderNamesThePortOnlyWhenItIsNotTheSchemes(host: String, port: Int?, scheme: HTTPExchange.Scheme, header: String) {
        #expect(HTTPExchange(scheme: scheme, host: host, port: port, target: "/").hostHeader == header)
    }

    @Test(arguments: [("127.0.0.1", true), ("::1", true), ("localhost", false), ("1.2.3", false), ("thidua.example.gov.vn", false),
                      ("256.1.1.1", false)])
    func anAddressIsNotSentAsTheTLSName(host: String, literal: Bool) {
        #expect(HTTPExchange.isAddressLiteral(host) == literal)
    }
}
