import ThiDuaJSON
import ThiDuaLog

/// Award kinds in event data: well-formed text here; whether a kind is in force is the rules' question.
extension DataReader {
    func awardKind(text: String, field: String) throws(ThiDuaError) -> AwardKind {
        if let kind = AwardKind(rawValue: text) { return kind }
        let lowered = text.lowercased()
        throw fail(field, .badAwardKind, "\"\(text.prefix(40))\" is not an award kind",
                   hint: AwardKind(rawValue: lowered) != nil
                       ? "award kinds are lower case in JSON Lines: write \"\(lowered)\""
                       : "an award kind is 1 to \(AwardKind.maximumLength) lowercase letters, digits and hyphens, like provincial-flag")
    }

    mutating func optionalAwardKind(_ name: String) throws(ThiDuaError) -> AwardKind? {
        switch value(name) {
        case nil: return nil
        case .string(let text)?: return try awardKind(text: text, field: name)
        case let other?: throw fail(name, .wrongType, "expected an award kind, found \(other.kindName)")
        }
    }

    mutating func requiredAwardKind(_ name: String) throws(ThiDuaError) -> AwardKind {
        guard let kind = try optionalAwardKind(name) else { throw fail(name, .missingField, "missing") }
        return kind
    }

    /// A list of kinds (a registration's `titlesSought`); absent is empty.
    mutating func awardKinds(_ name: String) throws(ThiDuaError) -> [AwardKind] {
        switch value(name) {
        case nil: return []
        case .array(let elements)?:
            var out: [AwardKind] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element else {
                    throw fail("\(name)[\(index)]", .wrongType, "expected an award kind, found \(element.kindName)")
                }
                out.append(try awardKind(text: text, field: "\(name)[\(index)]"))
            }
            return out
        case let other?: throw fail(name, .wrongType, "expected a list of award kinds, found \(other.kindName)")
        }
    }

    mutating func requiredBool(_ name: String) throws(ThiDuaError) -> Bool {
        switch value(name) {
        case nil: throw fail(name, .missingField, "missing; write true or false")
        case .bool(let flag)?: return flag
        case let other?: throw fail(name, .wrongType, "expected true or false, found \(other.kindName)")
        }
    }

    /// `rules.adopted` `awards`: [{kind, name, onlyFirst, limit?}], at least one, each kind once; nil when absent.
    mutating func awardDefinitions(_ name: String) throws(ThiDuaError) -> [AwardDefinition]? {
        switch value(name) {
        case nil: return nil
        case .array(let elements)?:
            guard !elements.isEmpty else {
                throw fail(name, .noAwardKinds, "an adopted list of awards needs at least one kind",
                           hint: "leave awards out to keep government-flag and pm-certificate")
            }
            var out: [AwardDefinition] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let fields) = element else {
                    throw fail("\(name)[\(index)]", .wrongType,
                               "expected {\"kind\":…, \"name\":…, \"onlyFirst\":…, \"limit\":…}, found \(element.kindName)")
                }
                var inner = DataReader(fields)
                do throws(ThiDuaError) {
                    let definition = AwardDefinition(kind: try inner.requiredAwardKind("kind"), name: try inner.requiredLine("name"),
                                                     onlyFirst: try inner.requiredBool("onlyFirst"), limit: try inner.integer("limit"))
                    if let limit = definition.limit, limit < 0 { throw inner.fail("limit", .badValue, "must be 0 or more") }
                    try inner.finish()
                    if out.contains(where: { $0.kind == definition.kind }) {
                        throw inner.fail("kind", .duplicateAwardKind, "\(definition.kind) is listed twice; each kind is defined once")
                    }
                    out.append(definition)
                } catch {
                    throw ThiDuaError(code: error.code, field: error.field.map { $0.replacingPrefix("data.", with: "data.\(name)[\(index)].") },
                                      reason: error.reason, hint: error.hint)
                }
            }
            return out
        case let other?: throw fail(name, .wrongType, "expected a list of awards, found \(other.kindName)")
        }
    }
}
