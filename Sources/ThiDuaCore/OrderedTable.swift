/// A value that has a code to look it up by.
public protocol Keyed { var key: String { get } }

/// Values kept in the order they first appeared, looked up by key.
public struct OrderedTable<Value: Keyed & Hashable & Sendable>: Hashable, Sendable {
    public private(set) var values: [Value] = []
    private var index: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> Value? {
        index[key].map { values[$0] }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// Inserts a new value or replaces the one with the same key, keeping its place.
    public mutating func upsert(_ value: Value) {
        if let position = index[value.key] {
            values[position] = value
        } else {
            index[value.key] = values.count
            values.append(value)
        }
    }

    public mutating func update(_ key: String, _ change: (inout Value) -> Void) {
        guard let position = index[key] else { return }
        change(&values[position])
    }

    public mutating func remove(_ key: String) {
        guard let position = index.removeValue(forKey: key) else { return }
        values.remove(at: position)
        for (other, place) in index where place > position { index[other] = place - 1 }
    }
}
