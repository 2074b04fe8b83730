/// The members of a JSON object, kept as a short list: event objects have a handful of fields,
/// and a linear search over them is cheaper than hashing every key into a dictionary.
/// Keys are unique; equality ignores order.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var members: [(key: String, value: JSON)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, JSON)...) {
        members.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public init(_ dictionary: [String: JSON]) {
        members = dictionary.map { (key: $0.key, value: $0.value) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSON? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Adds a member whose key the caller knows to be new.
    mutating func appendNew(_ key: String, _ value: JSON) { members.append((key, value)) }

    package mutating func replaceValue(at index: Int, with value: JSON) { members[index].value = value }

    mutating func reserveCapacity(_ capacity: Int) { members.reserveCapacity(capacity) }

    public func mapValues(_ transform: (JSON) throws -> JSON) rethrows -> JSONObject {
        var out = JSONObject()
        out.members = try members.map { (key: $0.key, value: try transform($0.value)) }
        return out
    }

    public func compactMapValues<T>(_ transform: (JSON) throws -> T?) rethrows -> [String: T] {
        var out: [String: T] = [:]
        for member in members { if let value = try transform(member.value) { out[member.key] = value } }
        return out
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSON)]> { members.makeIterator() }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.count == b.count && a.members.allSatisfy { b[$0.key] == $0.value }
    }
}

extension JSON {
    /// An object from a dictionary, e.g. `.object(counts.mapValues { JSON($0) })`.
    public static func object(_ dictionary: [String: JSON]) -> JSON { .object(JSONObject(dictionary)) }
}
