import ThiDuaCore
import ThiDuaLog

/// Báo cáo kết quả thi đua năm (§11): one self-contained HTML document of a year as replay rebuilds it at a moment,
/// laid out for A4, in Vietnamese. Pure: the caller replays the year and reads the digest; this only writes.
public struct YearReport: Sendable {
    /// The log's `digest` (POS:HEX) the report names, as `thidua digest` prints it.
    public struct Digest: Sendable, Equatable {
        public var position: Int64
        public var hash: String
        public init(position: Int64, hash: String) {
            self.position = position
            self.hash = hash
        }
        public var text: String { "\(position):\(hash)" }
    }

    /// The moment the facts are taken at, as the options were written (`--as-of`, `--known-at`, `--at`).
    public struct Moment: Sendable, Equatable {
        public var asOf: String?
        public var knownAt: String?
        public var at: Int64?
        public init(asOf: String? = nil, knownAt: String? = nil, at: Int64? = nil) {
            self.asOf = asOf
            self.knownAt = knownAt
            self.at = at
        }
    }

    public var state: YearState
    /// The bloc as the admitted bloc events leave it: its name, rules and award kinds.
    public var bloc: BlocState
    /// The position of the latest year event folded.
    public var position: Int64
    /// The year's folded events, in log order (the record: corrections, backdated, signed).
    public var events: [RecordedEvent]
    /// The same events decoded, one for one, where the caller has them (replay does); else the report decodes them.
    public var decodedEvents: [DomainEvent]?
    public var digest: Digest?
    public var moment: Moment
    /// When the report was made, as a stored instant.
    public var madeAt: String
    /// The log file the check commands name (`--db`); nil leaves the option out.
    public var logFile: String?

    public init(state: YearState, bloc: BlocState, position: Int64, events: [RecordedEvent], decodedEvents: [DomainEvent]? = nil,
                digest: Digest?, moment: Moment = Moment(), madeAt: String, logFile: String? = nil) {
        self.state = state
        self.bloc = bloc
        self.position = position
        self.events = events
        self.decodedEvents = decodedEvents
        self.digest = digest
        self.moment = moment
        self.madeAt = madeAt
        self.logFile = logFile
    }

    /// The replayed year's stateHash, as `thidua replay` prints it.
    public var stateHash: String { StateDocument(state).stateHash }

    /// The whole document.
    public func html() -> String {
        let facts = ReportFacts(self)
        let title = "Báo cáo kết quả thi đua năm \(state.year) — \(facts.blocName)"
        return Node.page(title: title, css: ReportStyle.css, body: [
            heading(facts),
            standings(facts),
            chart(facts),
            scoreSheet(facts),
            elections(facts),
            officers(facts),
            pact(facts),
            awards(facts),
            record(facts),
            signing(facts),
        ])
    }
}
