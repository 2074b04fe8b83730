/// Why an event or a line was refused: a stable code, where, and what to do.
public struct ThiDuaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable machine-readable reason, e.g. `points-over-maximum`.
    public var code: Code
    /// The event type, when known.
    public var eventType: String?
    /// 1-based line of the input, when the event came from a file.
    public var line: Int?
    /// The offending field, e.g. `data.points`.
    public var field: String?
    /// What is wrong, in words.
    public var reason: String
    /// What to do about it, when there is something to do.
    public var hint: String?

    public init(code: Code, eventType: String? = nil, line: Int? = nil, field: String? = nil,
                reason: String, hint: String? = nil) {
        self.code = code
        self.eventType = eventType
        self.line = line
        self.field = field
        self.reason = reason
        self.hint = hint
    }

    /// `score.submitted rejected at line 12: points 21 exceed the maximum 20 of criterion 1.1`
    public var description: String {
        var text = eventType.map { "\($0) rejected" } ?? "rejected"
        if let line { text += " at line \(line)" }
        text += ": "
        if let field { text += "field \(field): " }
        text += reason
        if let hint { text += "; \(hint)" }
        return text + " [\(code.rawValue)]"
    }

    public func at(line: Int?) -> ThiDuaError {
        var copy = self
        if let line { copy.line = line }
        return copy
    }

    public func of(type: String) -> ThiDuaError {
        var copy = self
        if copy.eventType == nil { copy.eventType = type }
        return copy
    }
}

extension ThiDuaError {
    /// A refusal's stable name, printed in brackets and documented in EventLog/EVENTS.md. Each is a named
    /// constant next to the rules that use it (`ThiDuaError+Codes.swift` and its kin), never a literal at a call site.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        package init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }
    }
}
