import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// The only place that turns outcomes into exit codes (§7): 0 done, 1 rejected, 2 altered, 64 usage.
func runMain() -> Never {
    do {
        var command = try ThiDua.parseAsRoot(GlobalOptions.movingLeadingOptions(Array(CommandLine.arguments.dropFirst())))
        try command.run()
        Console.flush()
        exit(0)
    } catch let error as StoreError {
        fail(error.description, code: error.exitCode)
    } catch let error as ThiDuaError {
        fail(error.description, code: 1)
    } catch let error as VerificationFailure {
        fail(error.description, code: 2)
    } catch let error as CLIError {
        fail(error.description, code: error.exitCode)
    } catch {
        Console.flush()
        let code = ThiDua.exitCode(for: error)
        guard code != .success else { ThiDua.exit(withError: error) }
        // The parser's message echoes the arguments; control characters in them must not reach the terminal.
        // A malformed option (e.g. --seats 9223372036854775808) is a usage error, written like every other error.
        var message = ThiDua.fullMessage(for: error)
        if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
        Console.error(Visible.escaped(message, keepingLineBreaks: true))
        exit(code.rawValue)
    }
}

/// `error: …`, one line, with any control or bidi character in it shown as an escape.
func fail(_ message: String, code: Int32) -> Never {
    Console.flush()
    Console.error("error: " + Visible.escaped(message))
    exit(code)
}

runMain()
