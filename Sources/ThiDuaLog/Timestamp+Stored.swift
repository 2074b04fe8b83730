extension Timestamp {
    /// A time as a logged row holds it; nil when the text is not a timestamp (a row verify reports as altered).
    public init?(stored text: String) {
        guard let parsed = try? Timestamp(parsing: text) else { return nil }
        self = parsed
    }

    /// A time read straight from SQLite's bytes.
    public init?(stored bytes: UnsafeBufferPointer<UInt8>) {
        self.init(stored: String(decoding: bytes, as: UTF8.self))
    }
}
