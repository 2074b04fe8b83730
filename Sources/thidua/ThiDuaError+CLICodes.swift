import ThiDuaLog

extension ThiDuaError.Code {
    static let unreadableInput = Self("unreadable-input")
}
