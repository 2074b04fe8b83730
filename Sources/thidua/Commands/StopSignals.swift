import Foundation

/// How a command that waits for ever (`log --follow`) is stopped: Ctrl-C, SIGTERM or SIGHUP, whatever signal mask it
/// inherited (Foundation's `Process` starts children with them blocked). The signal is noted, the command ends its
/// work and closes the log, then the process ends by that same signal, so its caller sees how it ended.
enum StopSignals {
    static let handled = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) static var received: Int32 = 0

    static func catchThem() {
        received = 0
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in handled { sigaddset(&signals, signal) }
        for signal in handled { _ = Foundation.signal(signal) { StopSignals.received = $0 } }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Ends the process: by `signal` with its default action, or with exit 0 when none stopped it.
    static func end(as signal: Int32) -> Never {
        if signal != 0 {
            _ = Foundation.signal(signal, SIG_DFL)
            raise(signal)
        }
        exit(0)
    }
}
