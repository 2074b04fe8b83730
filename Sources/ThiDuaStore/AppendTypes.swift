import ThiDuaCore

/// One input line: its number and the event parsed from it (or why it could not be).
public struct AppendItem: Sendable {
    /// The input line, for events read from a file; nil for typed commands.
    public var line: Int?
    public var event: Result<ProposedEvent, ThiDuaError>

    public init(line: Int?, event: Result<ProposedEvent, ThiDuaError>) {
        self.line = line
        self.event = event
    }
}

/// What became of one event of a batch.
public struct AppendOutcome: Sendable, Equatable {
    public var line: Int?
    public var position: Int64
    public var stream: String
    public var version: Int64
    public var id: String
    public var type: EventType
    /// The id was already in the log with identical content: nothing new was written.
    public var alreadyRecorded: Bool
    /// The event as the Decider accepted it; nil when it was already recorded.
    public var decided: DomainEvent?
}

/// What a batch did.
public struct AppendReport: Sendable {
    public var appended = 0
    public var alreadyRecorded = 0
    /// Outcomes of the first `AppendReport.keptOutcomes` events, for printing.
    public var outcomes: [AppendOutcome] = []
    /// Year states after the batch, for the streams it touched (to describe effects).
    public var years: [StreamID: YearState] = [:]
    public var head: (position: Int64, hash: [UInt8])?

    public static let keptOutcomes = 1_000
}
