import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua keys`: the signing keys registered in the bloc, with their status and the positions that registered
/// and revoked them (§9).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "List the bloc's registered signing keys: holder, fingerprint, label, status, positions.",
        discussion: "Example: thidua keys --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    struct Listed {
        var key: RegisteredKey
        var registeredAt: Int64
        var revokedAt: Int64?
    }

    func run() throws {
        var listed: [Listed] = []
        try Self.forEachKeyEvent(global) { position, decoded in
            switch decoded.payload {
            case .keyRegistered(let holder, let publicKey, let label):
                if !listed.contains(where: { $0.key.publicKey == publicKey }) {
                    listed.append(Listed(key: RegisteredKey(holder: holder, publicKey: publicKey, label: label), registeredAt: position))
                }
            case .keyRevoked(_, let publicKey, _):
                if let index = listed.firstIndex(where: { $0.key.publicKey == publicKey }), listed[index].revokedAt == nil {
                    listed[index].key.revoked = true
                    listed[index].revokedAt = position
                }
            default:
                break
            }
        }
        switch output.format {
        case .json:
            Render.json(.array(listed.map { item in
                .object(.fields([
                    "holder": .string(item.key.holder), "publicKey": .string(EventSignature.base64(item.key.publicKey)),
                    "fingerprint": .string(item.key.fingerprint), "label": Write.optional(item.key.label),
                    "status": .string(item.key.revoked ? "revoked" : "in-force"),
                    "registeredAt": JSON(Int(item.registeredAt)), "revokedAt": item.revokedAt.map { JSON(Int($0)) },
                ]))
            }))
        case .csv:
            Render.csv(["holder", "fingerprint", "label", "status", "registeredAt", "revokedAt", "publicKey"], listed.map { item in
                [item.key.holder, item.key.fingerprint, item.key.label ?? "", item.key.revoked ? "revoked" : "in-force",
                 String(item.registeredAt), item.revokedAt.map(String.init) ?? "", EventSignature.base64(item.key.publicKey)]
            })
        case .table:
            let lang = try global.lang
            var table = Table([.holder, .fingerprint, .label, .status, .registeredAt, .revokedAt], lang, rightAligned: [4, 5])
            for item in listed {
                table.add([item.key.holder, item.key.fingerprint, item.key.label ?? "", (item.key.revoked ? Word.keyRevoked : Word.keyInForce).text(lang),
                           String(item.registeredAt), item.revokedAt.map(String.init) ?? ""])
            }
            Console.line(table.rows.isEmpty ? Phrase.noKeys(lang) : table.render())
        }
    }

    /// The bloc's key events in log order, from the file or from the server.
    static func forEachKeyEvent(_ global: GlobalOptions, _ body: (Int64, DomainEvent) -> Void) throws {
        if let server = try global.server {
            for (position, event) in try RemoteState(server, bloc: global.bloc, year: nil, yearState: false).blocEvents { body(position, event) }
            return
        }
        let store = try global.openForReading()
        var filter = EventFilter()
        filter.bloc = try store.resolveBloc(global.bloc)
        filter.year = nil
        filter.types = [EventType.keyRegistered.rawValue, EventType.keyRevoked.rawValue]
        try store.forEachEvent(filter) { event, _ in
            guard event.stream == filter.bloc, let decoded = DomainEvent(recorded: event) else { return true }
            body(event.position, decoded)
            return true
        }
    }
}
