import Foundation
import Testing

/// `--server https://…` through nginx as the README sets it up (TLS at the proxy, `thidua serve` on loopback behind it):
/// the CLI's own HTTP client speaks TLS, trusts the bloc's CA through `SSL_CERT_FILE`, refuses a certificate it does not
/// trust, and says so, as it does for a redirect or a server that speaks the other protocol.
@Suite("End to end: the CLI through a TLS proxy (§12)", .serialized, .enabled(if: TLSProxy.runs, TLSProxy.reason))
struct RemoteTLSTests {
    @Test func aBlocFoundedAndReadOverTLSReadsAsTheFile() throws {
        let cli = try Thidua()
        let server = try ServerProcess(cli, ["--allow-unsigned"])
        defer { server.stop() }
        let proxy = try TLSProxy(cli, backend: server.port)
        defer { proxy.stop() }
        var trusting = cli
        trusting.environment["SSL_CERT_FILE"] = proxy.certificate

        let founded = try trusting.run("--server", proxy.https, "--as", "secretariat", "init", "--bloc", "BDTW", "--name", "Khối thử",
                                       "--occurred-at", "2026-01-05", "--lang", "en")
        #expect(founded.status == 0, "\(founded)")
        let opened = try trusting.run("--server", proxy.https, "--as", "secretariat", "year", "open", "2026", "--occurred-at", "2026-01-06",
                                      "--member", "BKTTW=Ban Kinh tế Trung ương", "--member", "UBKTTW=Ủy ban Kiểm tra Trung ương", "--head", "BKTTW")
        #expect(opened.status == 0, "\(opened)")
        for address in [proxy.https, "https://127.0.0.1:\(proxy.tlsPort)"] {
            let remote = try trusting.run("--server", address, "log", "--format", "json")
            let local = try cli.run("log", "--format", "json")
            #expect(remote.status == 0 && remote.stdout == local.stdout, "\(address): \(remote)")
            let digest = try trusting.run("--server", address, "digest")
            let localDigest = try cli.run("digest")
            #expect(digest.status == 0 && digest.stdout == localDigest.stdout, "\(address): \(digest)")
        }
        let lines = try cli.run("log", "--format", "json").stdout.split(separator: "\n")
        #expect(lines.count == 2)
    }

    @Test func whatCannotBeTrustedOrReachedIsSaid() throws {
        let cli = try Thidua()
        try #require(try cli.run("init", "--bloc", "BDTW", "--name", "Khối thử").status == 0)
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let proxy = try TLSProxy(cli, backend: server.port)
        defer { proxy.stop() }

        let untrusted = try cli.run("--server", proxy.https, "digest")
        #expect(untrusted.status == 1 && untrusted.stdout.isEmpty, "\(untrusted)")
        #expect(untrusted.stderr.hasPrefix("error: cannot reach the server at \(proxy.https): TLS failed"), "\(untrusted)")
        #expect(untrusted.stderr.contains("SSL_CERT_FILE"), "\(untrusted)")

        let redirected = try cli.run("--server", "http://localhost:\(proxy.plainPort)", "digest")
        #expect(redirected.status == 1, "\(redirected)")
        #expect(redirected.stderr.contains("HTTP 301 to \(proxy.https)/v1/digest"), "\(redirected)")

        var trusting = cli
        trusting.environment["SSL_CERT_FILE"] = proxy.certificate
        let tlsToPlain = try trusting.run("--server", "https://127.0.0.1:\(server.port)", "digest")
        #expect(tlsToPlain.status == 1 && tlsToPlain.stderr.hasPrefix("error: cannot reach the server at https://127.0.0.1:\(server.port): TLS failed"),
                "\(tlsToPlain)")
        let plainToTLS = try cli.run("--server", "http://127.0.0.1:\(proxy.tlsPort)", "digest")
        #expect(plainToTLS.status == 1 && plainToTLS.stderr.contains("answered HTTP 400"), "\(plainToTLS)")
        var misconfigured = cli
        misconfigured.environment["SSL_CERT_FILE"] = cli.path("missing.pem")
        let noCAFile = try misconfigured.run("--server", proxy.https, "digest")
        #expect(noCAFile.status == 1 && noCAFile.stderr.contains("TLS"), "\(noCAFile)")
        let nobody = try cli.run("--server", "http://127.0.0.1:\(TLSProxy.freePort())", "digest")
        #expect(nobody.status == 1 && nobody.stderr.contains("connection refused"), "\(nobody)")
    }
}
