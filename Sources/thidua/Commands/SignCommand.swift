import ArgumentParser
import Foundation
import ThiDuaLog
import ThiDuaStore

/// `thidua sign [FILE|-] --key FILE`: a member signs the events it prepared in its own office (§9); whoever
/// appends the file cannot alter a byte of them. Opens no log.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign JSON Lines events with a private key; write them signed to standard output.",
        discussion: """
            Reads events as append takes them and writes each line canonical, with "signature" added. A line
            without an id gets a new one, without occurredAt gets now (+07:00), without actor gets the key's
            holder; a line for another actor is refused. All or nothing: an error names the line and nothing
            is written.
            Example: thidua sign diem-2018.jsonl --key bnctw.key > diem-2018.signed.jsonl
            """
    )

    @Argument(help: "JSON Lines file, or - for standard input.")
    var file: String = "-"

    @Option(help: ArgumentHelp("The private key file (else $THIDUA_KEY).", valueName: "file"))
    var key: String?

    @OptionGroup var localOnly: LocalOnlyServerOption

    func run() throws {
        try localOnly.refuse("sign", "it signs lines on this machine and opens no log; post what it prints with thidua --server URL append")
        let signingKey = try KeyFile.load(KeyFile.path(key))
        let reader = try JSONLinesReader(path: file, defaultActor: signingKey.holder)
        let now = try Self.now()
        var lines: [String] = []
        for item in reader {
            do throws(ThiDuaError) {
                var event = try Self.unsigned(item.event).get()
                if event.id == nil { event.id = UUID().uuidString.lowercased() }
                if event.occurredAt == nil { event.occurredAt = now }
                let signature = try signingKey.sign(event)
                event.signature = signature
                lines.append(event.inputJSON().canonicalText)
            } catch {
                throw error.at(line: item.line)
            }
        }
        for line in lines { Console.line(line) }
    }

    /// `sign` reads unsigned lines: a signed one is refused rather than signed twice.
    static func unsigned(_ event: Result<ProposedEvent, ThiDuaError>) -> Result<ProposedEvent, ThiDuaError> {
        event.flatMap { event in
            guard event.signature != nil else { return .success(event) }
            return .failure(ThiDuaError(code: .unexpectedField, eventType: event.type.rawValue, field: "signature",
                                        reason: "the line is already signed", hint: "thidua sign reads unsigned lines; remove \"signature\" to sign it again"))
        }
    }

    /// Now at +07:00 (Vietnam), to the microsecond as the store's own clock: `2018-01-10T08:00:00.123456+07:00`. A
    /// whole second would put a signed event before an unsigned one recorded earlier in the same second (`out-of-order-time`).
    static func now() throws -> Timestamp {
        let micros = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down))
        let local = Timestamp(utcMicroseconds: micros + 7 * 3600 * 1_000_000).text
        do {
            return try Timestamp(parsing: String(local.dropLast()) + "+07:00")
        } catch {
            throw CLIError.rejected("cannot tell the time: \(error.reason)")
        }
    }
}
