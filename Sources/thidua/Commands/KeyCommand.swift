import ArgumentParser
import ThiDuaJSON
import ThiDuaLog

/// `thidua key …`: the holder's own Ed25519 keys (§9).
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make a member's or the secretariat's signing key; register or revoke it in the bloc.",
        subcommands: [KeyGenerateCommand.self, KeyRegisterCommand.self, KeyRevokeCommand.self]
    )
}

/// `thidua key generate --holder CODE --out FILE`: a new private key in a file of its own, never overwritten.
struct KeyGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate an Ed25519 key for a holder; write the private key (mode 0600), print the public key.",
        discussion: """
            The private key stays with its holder: keep the file, never send it. The public key and its
            fingerprint are what others need. An existing file is never overwritten.
            Example: thidua key generate --holder BNCTW --out bnctw.key
            """
    )

    @Option(help: ArgumentHelp("Who holds the key: a member code (any letter case) or 'secretariat'.", valueName: "code"))
    var holder: String

    @Option(help: ArgumentHelp("The private key file to create (mode 0600; never overwritten).", valueName: "file"))
    var out: String

    @OptionGroup var output: FormatOption

    @OptionGroup var localOnly: LocalOnlyServerOption

    func run() throws {
        try localOnly.refuse("key generate", "a private key is made and kept on the holder's own machine; register its public key through the server with key register")
        let key: SigningKey
        do {
            key = try SigningKey(generatingFor: holder)
        } catch {
            throw CLIError.usage("--holder \(holder): not a member code or 'secretariat'")
        }
        guard !out.isEmpty else { throw CLIError.usage("--out needs the path of the private key file to create") }
        try KeyFile.write(key, to: out)
        switch output.format {
        case .json:
            Console.line(JSON.object([
                "holder": .string(key.holder), "publicKey": .string(key.publicKeyText),
                "fingerprint": .string(key.fingerprint), "file": .string(out),
            ]).canonicalText)
        case .csv:
            Console.line("holder,publicKey,fingerprint,file")
            Console.line(CSV.row([key.holder, key.publicKeyText, key.fingerprint, out]))
        case .table:
            Console.line("holder: \(key.holder)")
            Console.line("public key: \(key.publicKeyText)")
            Console.line("fingerprint: \(key.fingerprint)")
            Console.line("private key: \(Visible.escaped(out)) (mode 0600: keep it, never send it)")
        }
    }
}
