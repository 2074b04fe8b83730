import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua evidence add|get`: the log's documents (minh chứng), kept by SHA-256 outside the chain.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Keep a document (minh chứng) in the log, or write one out; self-scores cite them by SHA-256.",
        subcommands: [EvidenceAddCommand.self, EvidenceGetCommand.self])
}

/// `thidua evidence add FILE [--media-type T] [--title …]`: keeps the file, prints its sha256.
struct EvidenceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Keep a document in the log and print its SHA-256 (json: the evidence item a self-score cites).",
        discussion: """
            The same content is kept once. A JSON line then cites it in score.submitted schema 2:
            "schema":2, "data":{…,"evidence":[{"title":…,"sha256":…,"bytes":…,"mediaType":…}]}.
            Example: thidua evidence add bao-cao-12.pdf --title "Báo cáo số 12/BC-BNCTW"
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The document's file.", valueName: "file")) var file: String
    @Option(name: .customLong("media-type"), help: ArgumentHelp("Its media type, e.g. application/pdf (default: from its extension).", valueName: "type"))
    var mediaType: String?
    @Option(help: "Its title, for the evidence item printed with --format json.") var title: String?
    @Option(help: ArgumentHelp("With --server: sign the document with this private key file (else $THIDUA_KEY), as --as.", valueName: "file"))
    var key: String?
    @OptionGroup var output: FormatOption

    func run() throws {
        let type = mediaType?.lowercased() ?? MediaType.guess(file)
        if let type, !Evidence.isMediaType(type) {
            throw ThiDuaError(code: .badMediaType, field: "--media-type", reason: "\"\(type.prefix(60))\" is not a media type",
                              hint: "type/subtype, e.g. application/pdf")
        }
        if let title { _ = try Text.oneLine(try Text.normalized(title, field: "--title"), field: "--title") }
        let document = try EvidenceDocument(path: file, mediaType: type)
        let kept: KeptEvidence
        if let server = try global.server {
            kept = try RemoteEvidence.keep(document, on: server, bloc: try RemoteWrite.bloc(global.bloc, server), actor: try global.optionalActor(),
                                           key: key)
        } else {
            if key != nil { throw CLIError.usage("--key signs a document handed to a server; on a file (--db) the document is kept as it is") }
            kept = try global.openStore().addEvidence(document)
        }
        let item = Evidence(title: title ?? URL(fileURLWithPath: file).lastPathComponent, sha256: kept.sha256, bytes: kept.bytes,
                            mediaType: type)
        switch output.format {
        case .json:
            guard case .object(var fields) = item.json else { return }
            fields["alreadyKept"] = .bool(kept.alreadyKept)
            Console.line(JSON.object(fields).canonicalText)
        case .csv:
            Console.line("sha256,bytes,mediaType,alreadyKept")
            Console.line(CSV.row([kept.sha256, String(kept.bytes), type ?? "", String(kept.alreadyKept)]))
        case .table:
            Console.line(kept.sha256)
        }
    }
}

/// `thidua evidence get SHA256 [--out FILE]`: the kept document, byte for byte.
struct EvidenceGetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Write a kept document, byte for byte, to standard output or a new file.",
        discussion: "Example: thidua evidence get 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 > bao-cao-12.pdf")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The document's SHA-256, as evidence add printed it.", valueName: "sha256")) var sha256: String
    @Option(help: ArgumentHelp("Write it to this new file (never overwritten) instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        let content: [UInt8]
        do {
            if let server = try global.server {
                try EventStore.requireSHA256(sha256.lowercased())
                content = try RemoteEvidence.content(sha256.lowercased(), from: server)
            } else {
                content = try global.openForReading().evidence(sha256: sha256.lowercased())
            }
        } catch let error as StoreError {
            if case .rejected(let rule) = error, rule.code == .logAltered { throw CLIError(description: rule.description, exitCode: 2) }
            throw error
        } catch var error as CLIError where error.refusal?.code == .logAltered {
            error.exitCode = 2
            throw error
        }
        guard let out else {
            Console.flush()
            try Self.write(content, to: 1, name: "standard output")
            return
        }
        guard !out.isEmpty else { throw CLIError.usage("--out needs the path of the file to create") }
        let descriptor = open(out, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw CLIError.rejected("\(out): \(String(cString: strerror(errno)).lowercased()); an existing file is never overwritten")
        }
        defer { close(descriptor) }
        try Self.write(content, to: descriptor, name: out)
    }

    static func write(_ content: [UInt8], to descriptor: Int32, name: String) throws {
        try content.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CLIError.rejected("\(name): \(String(cString: strerror(errno)).lowercased())")
                }
                offset += written
            }
        }
    }
}
