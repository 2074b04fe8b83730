import ThiDuaJSON
import ThiDuaLog

extension DataReader {
    /// `[{title, sha256?, bytes?, mediaType?}]`: a document the log keeps has `sha256` and `bytes`; one only cited
    /// by title has neither (nor `mediaType`). At most `Evidence.maximumCount`, each document once.
    mutating func evidenceList(_ name: String) throws(ThiDuaError) -> [Evidence] {
        guard let value = value(name) else { return [] }
        guard case .array(let list) = value else {
            throw fail(name, .wrongType, "expected a list of documents [{\"title\":…, \"sha256\":…, \"bytes\":…}], found \(value.kindName)",
                       hint: "schema 1 took evidence as text; a line with a list says \"schema\":2")
        }
        guard list.count <= Evidence.maximumCount else {
            throw fail(name, .tooMuchEvidence, "\(list.count) documents; a self-score cites at most \(Evidence.maximumCount)")
        }
        var items: [Evidence] = []
        var seen = Set<String>()
        for (index, element) in list.enumerated() {
            let path = "\(name)[\(index)]"
            guard case .object(let fields) = element else {
                throw fail(path, .wrongType, "expected {\"title\":…, \"sha256\":…, \"bytes\":…}, found \(element.kindName)")
            }
            var inner = DataReader(fields)
            let item: Evidence
            do {
                item = try inner.evidence()
                try inner.finish()
            } catch {
                throw ThiDuaError(code: error.code, field: error.field.map { $0.replacingPrefix("data.", with: "data.\(path).") },
                                  reason: error.reason, hint: error.hint)
            }
            if let sha256 = item.sha256, !seen.insert(sha256).inserted {
                throw fail("\(path).sha256", .duplicateEvidence, "document \(sha256) is cited twice", hint: "cite each document once")
            }
            items.append(item)
        }
        return items
    }

    private mutating func evidence() throws(ThiDuaError) -> Evidence {
        let title = try requiredLine("title")
        let sha256 = try text("sha256")
        if let sha256, !Evidence.isSHA256(sha256) {
            throw fail("sha256", .badSHA256, "\"\(sha256.prefix(70))\" is not a SHA-256",
                       hint: "64 lowercase hex digits, as thidua evidence add prints it")
        }
        let bytes: Int64?
        switch value("bytes") {
        case nil: bytes = nil
        case .number(let number)?:
            guard number.scale == 0 else { throw fail("bytes", .wrongType, "expected a whole number, found \(number)") }
            guard let int = number.intValue, int >= 0, Int64(int) <= Evidence.maximumBytes else {
                throw fail("bytes", .badBytes, "\(String(describing: number).prefix(40)) is not a size from 0 to \(Evidence.maximumBytes) bytes")
            }
            bytes = Int64(int)
        case let other?: throw fail("bytes", .wrongType, "expected a whole number, found \(other.kindName)")
        }
        let mediaType = try text("mediaType")
        if let mediaType, !Evidence.isMediaType(mediaType) {
            throw fail("mediaType", .badMediaType, "\"\(mediaType.prefix(60))\" is not a media type",
                       hint: "type/subtype in lowercase, e.g. application/pdf")
        }
        if sha256 == nil, bytes != nil || mediaType != nil {
            throw fail("sha256", .missingField, "missing; a document's size and media type come with its SHA-256",
                       hint: "add it with thidua evidence add, which prints its sha256")
        }
        if sha256 != nil, bytes == nil {
            throw fail("bytes", .missingField, "missing; a kept document gives its size in bytes")
        }
        return Evidence(title: title, sha256: sha256, bytes: bytes, mediaType: mediaType)
    }
}
