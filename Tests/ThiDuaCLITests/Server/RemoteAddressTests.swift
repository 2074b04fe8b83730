import Foundation
import Testing

/// What `--server URL` makes of the address itself, before any server answers.
@Suite("End to end: server addresses (§12)")
struct RemoteAddressTests {
    @Test(arguments: ["http://[::1]:9", "http://127.0.0.1:9", "http://localhost:9/thidua"])
    func anAddressNobodyListensOnIsConnectionRefused(address: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let refused = try cli.run("--server", address, "digest")
        #expect(refused.status == 1 && refused.stdout.isEmpty, "\(refused)")
        #expect(refused.stderr.hasPrefix("error: cannot reach the server at \(address): "), "\(refused)")
        #expect(!refused.stderr.contains("does not resolve") && refused.stderr.hasSuffix("; is thidua serve running there?\n"), "\(refused)")
    }

    @Test(arguments: ["ftp://127.0.0.1:9", "127.0.0.1:8080", "http://", "http://127.0.0.1:9/?x=1"])
    func anAddressThatIsNoServersIsAUsageError(address: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let refused = try cli.run("--server", address, "digest")
        #expect(refused.status == 64 && refused.stderr.contains("not a server address"), "\(refused)")
    }
}
