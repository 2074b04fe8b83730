import ThiDuaLog

/// Mistakes in how a command was called that the argument parser cannot see.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
    /// The input line a server's refusal names (RFC 9457 `line`), for a command that maps it back to its own input.
    var line: Int? = nil
    /// The refusal a server's problem document describes, rebuilt, for a command that prints it as it would locally.
    var refusal: ThiDuaError? = nil

    /// A usage mistake: exit 64, like the parser's own.
    static func usage(_ message: String) -> CLIError { CLIError(description: message, exitCode: 64) }
    /// A refusal: exit 1.
    static func rejected(_ message: String) -> CLIError { CLIError(description: message, exitCode: 1) }
}
