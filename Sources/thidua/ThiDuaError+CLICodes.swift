import ThiDuaLog

extension ThiDuaError.Code {
    static let unreadableInput = Self("unreadable-input")
}

extension ThiDuaError.Code {
    /// A private key file that group or others may read or write (EventLog/SIGNING.md).
    static let keyFileExposed = Self("key-file-exposed")
}
