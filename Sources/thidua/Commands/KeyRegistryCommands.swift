import ArgumentParser
import ThiDuaJSON
import ThiDuaLog

/// `thidua key register`: the secretariat records a holder's public key in the bloc (`key.registered`).
struct KeyRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a holder's public key in the bloc (secretariat): from then on it proves that holder's events.",
        discussion: """
            The public key is the one thidua key generate printed for the holder; a key is registered once per bloc.
            Example: thidua --as secretariat key register --holder BNCTW --public-key A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg= --label "Văn phòng BNCTW"
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var event: EventOptions
    @Option(help: ArgumentHelp("Who holds the key: a member code (any letter case) or 'secretariat'.", valueName: "code")) var holder: String
    @Option(name: .customLong("public-key"), help: ArgumentHelp("The public key, base64 of 32 bytes.", valueName: "base64")) var publicKey: String
    @Option(help: "A note saying which key it is, e.g. the office that keeps it.") var label: String?

    func run() throws {
        try Write.append(.keyRegistered, year: nil, data: .fields([
            "holder": .string(try KeyRegistry.holder(holder)), "publicKey": .string(publicKey), "label": Write.optional(label),
        ]), global: global, event: event)
    }
}

/// `thidua key revoke`: the secretariat withdraws a key (`key.revoked`); it proves nothing signed after.
struct KeyRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a registered key (secretariat): events signed with it after this are refused.",
        discussion: #"Example: thidua --as secretariat key revoke --holder BNCTW --public-key A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg= --reason "Máy tính bị mất""#
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var event: EventOptions
    @Option(help: ArgumentHelp("Who holds the key: a member code (any letter case) or 'secretariat'.", valueName: "code")) var holder: String
    @Option(name: .customLong("public-key"), help: ArgumentHelp("The public key, base64 of 32 bytes.", valueName: "base64")) var publicKey: String
    @Option(help: "Why it is revoked.") var reason: String

    func run() throws {
        try Write.append(.keyRevoked, year: nil, data: .fields([
            "holder": .string(try KeyRegistry.holder(holder)), "publicKey": .string(publicKey), "reason": .string(reason),
        ]), global: global, event: event)
    }
}

enum KeyRegistry {
    static func holder(_ text: String) throws -> String {
        do {
            return try SigningKey.holder(text)
        } catch {
            throw CLIError.usage("--holder \(text): not a member code or 'secretariat'")
        }
    }
}
