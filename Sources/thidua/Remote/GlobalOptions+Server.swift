import ArgumentParser
import Foundation

extension GlobalOptions {
    /// The server to act on: --server, else $THIDUA_SERVER (an empty one counts as unset) unless --db names a file;
    /// nil means the local file. --server with --db is a usage error: one command acts on one log.
    var server: RemoteServer? {
        get throws {
            if let serverOption {
                if let db { throw CLIError.usage("--server \(serverOption) and --db \(db) name two logs; give one") }
                return try RemoteServer(serverOption)
            }
            guard db == nil, let text = ProcessInfo.processInfo.environment["THIDUA_SERVER"], !text.isEmpty else { return nil }
            return try RemoteServer(text)
        }
    }

    /// A command that works only on a local file refuses a server, saying why (`reason`), rather than touch a file
    /// the user did not mean.
    func refuseRemote(_ command: String = "this command", _ reason: String = "it works on a log file, not through a server") throws {
        guard let server = try server else { return }
        throw CLIError.usage("\(command) cannot act on a server (--server \(server.written)): \(reason); run it without --server or $THIDUA_SERVER")
    }
}

/// `--server` on a command that never opens a log (key generate, sign): accepted only to refuse it with a reason, so
/// `thidua --server URL key generate` says why rather than "unknown option". `$THIDUA_SERVER` does not stop them.
struct LocalOnlyServerOption: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp("Not for this command (it opens no log).", visibility: .hidden))
    var server: String?

    func refuse(_ command: String, _ reason: String) throws {
        guard let server else { return }
        throw CLIError.usage("\(command) cannot act on a server (--server \(server)): \(reason)")
    }
}
