extension Timestamp {
    /// A time as a logged row holds it; nil when the text is not a timestamp (a row verify reports as altered).
    public init?(stored text: String) {
        guard let parsed = try? Timestamp(parsing: text) else { return nil }
        self = parsed
    }

    /// A time read straight from SQLite's bytes: parsed in place, its text made only when it is one.
    public init?(stored bytes: UnsafeBufferPointer<UInt8>) {
        guard let microseconds = try? Timestamp.microseconds(of: bytes) else { return nil }
        self.init(microseconds: microseconds, text: String(decoding: bytes, as: UTF8.self))
    }
}
