import ThiDuaCore
import ThiDuaLog

/// One input line: its number and the event parsed from it (or why it could not be).
package struct AppendItem: Sendable {
    /// The input line, for events read from a file; nil for typed commands.
    package var line: Int?
    package var event: Result<ProposedEvent, ThiDuaError>

    package init(line: Int?, event: Result<ProposedEvent, ThiDuaError>) {
        self.line = line
        self.event = event
    }
}

/// What became of one event of a batch.
package struct AppendOutcome: Sendable, Equatable {
    package var line: Int?
    package var position: Int64
    package var stream: String
    package var version: Int64
    package var id: String
    package var type: EventType
    /// The id was already in the log with identical content: nothing new was written.
    package var alreadyRecorded: Bool
    /// The event as the Decider accepted it; nil when it was already recorded.
    package var decided: DomainEvent?
}

/// What a batch did.
package struct AppendReport: Sendable {
    package var appended = 0
    package var alreadyRecorded = 0
    /// Outcomes of the first `AppendReport.keptOutcomes` events, for printing.
    package var outcomes: [AppendOutcome] = []
    /// How many outcomes `outcomes` keeps; the server keeps them all, to answer each event's position.
    package var outcomeLimit = AppendReport.keptOutcomes
    /// Year states after the batch, for the streams it touched (to describe effects).
    package var years: [StreamID: YearState] = [:]
    package var head: (position: Int64, hash: [UInt8])?
    /// The server's group append only: the rows the batch wrote, as the log now holds them, and the hash of the row
    /// before the first of them (what a live follower is sent without reading them back).
    package var written: [RecordedEvent] = []
    package var writtenAfter: [UInt8] = []

    package static let keptOutcomes = 1_000
}
