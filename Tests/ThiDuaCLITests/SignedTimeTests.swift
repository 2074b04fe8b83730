import Foundation
import Testing

/// A signed typed write takes now to the microsecond, as an unsigned one does from the store's clock: a member who
/// defines a criterion and at once scores it with `--key` is not told the score came before the criterion.
@Suite("End to end: a signed write's time is not cut to the second")
struct SignedTimeTests {
    @Test func aSignedWriteRightAfterAnUnsignedOneIsNotBeforeIt() throws {
        let cli = try KeyCommandsTests.started()
        defer { cli.remove() }
        #expect(try KeyCommandsTests.register(cli, KeyCommandsTests.member).status == 0)
        for index in 1...3 {
            let code = "9.\(index)"
            let defined = try cli.run("--as", "BNCTW", "criterion", "set", "--year", "2017", "--code", code, "--title", "Tiêu chí \(index)",
                                      "--max", "5")
            #expect(defined.status == 0, "\(defined)")
            let scored = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", code, "--points", "4",
                                     "--key", cli.path("bnctw.key"))
            #expect(scored.status == 0, "\(scored)")
            let last = try KeyCommandsTests.lastEvent(cli)
            #expect((last["occurredAt"] as? String)?.contains(".") == true, "\(last)")
        }
        try SignedLogTests.verifiedByBoth(cli)
    }
}
