import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// `--evidence-file FILE [--evidence-title T]`, repeatable: documents a self-score cites (minh chứng), kept in the log.
struct EvidenceFileOptions: ParsableArguments {
    @Option(name: .customLong("evidence-file"), help: ArgumentHelp("A document to keep in the log and cite (repeatable).", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("evidence-title"),
            help: ArgumentHelp("The title of each --evidence-file, in the same order (default: the file's name).", valueName: "title"))
    var titles: [String] = []

    @Option(name: .customLong("evidence-media-type"),
            help: ArgumentHelp("The media type of each --evidence-file, in order (default: from its extension).", valueName: "type"))
    var mediaTypes: [String] = []

    /// Each file read and hashed, with the evidence item that cites it; empty without --evidence-file.
    func read(textEvidence: String?) throws -> [(document: EvidenceDocument, item: Evidence)] {
        guard !files.isEmpty else {
            if !titles.isEmpty || !mediaTypes.isEmpty { throw CLIError.usage("--evidence-title and --evidence-media-type go with --evidence-file") }
            return []
        }
        if textEvidence != nil {
            throw CLIError.usage("--evidence (text) and --evidence-file do not go together; give the document's title with --evidence-title")
        }
        guard titles.count <= files.count, mediaTypes.count <= files.count else {
            throw CLIError.usage("more --evidence-title or --evidence-media-type than --evidence-file")
        }
        return try files.enumerated().map { index, file in
            let mediaType = index < mediaTypes.count ? mediaTypes[index].lowercased() : MediaType.guess(file)
            if let mediaType, !Evidence.isMediaType(mediaType) {
                throw ThiDuaError(code: .badMediaType, field: "--evidence-media-type", reason: "\"\(mediaType.prefix(60))\" is not a media type",
                                  hint: "type/subtype, e.g. application/pdf")
            }
            let document = try EvidenceDocument(path: file, mediaType: mediaType)
            let title = index < titles.count ? titles[index] : URL(fileURLWithPath: file).lastPathComponent
            return (document, Evidence(title: title, sha256: document.sha256, bytes: document.bytes, mediaType: mediaType))
        }
    }
}

/// The media type of a document from its file name's extension, for the common kinds of minh chứng; nil otherwise.
enum MediaType {
    static let byExtension = [
        "pdf": "application/pdf", "txt": "text/plain", "csv": "text/csv", "html": "text/html", "xml": "application/xml",
        "json": "application/json", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
        "tif": "image/tiff", "tiff": "image/tiff", "zip": "application/zip",
        "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
    ]

    static func guess(_ file: String) -> String? { byExtension[URL(fileURLWithPath: file).pathExtension.lowercased()] }
}
