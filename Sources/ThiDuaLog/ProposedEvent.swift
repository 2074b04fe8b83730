import ThiDuaJSON

/// An event as a client proposes it, before the store assigns position, version and recordedAt.
public struct ProposedEvent: Equatable, Sendable {
    /// Lowercase UUID; the store generates one when absent.
    public var id: String?
    public var type: EventType
    public var bloc: String
    /// Absent for bloc-stream events.
    public var year: Int?
    public var actor: String
    public var occurredAt: Timestamp?
    /// Type-specific data, a JSON object with NFC text.
    public var data: JSONObject { didSet { keptDataText = nil } }
    /// `dataText` once computed by `keepDataText()`, while `data` is unchanged.
    private var keptDataText: String?
    /// The stream's version before this event, when the client asserts it.
    public var expectedVersion: Int?
    /// Free text linking the events of one decision.
    public var correlation: String?
    /// The signer's Ed25519 signature of the event's signing bytes (EventLog/SIGNING.md), checked when the line is parsed.
    public var signature: EventSignature?
    /// The layout of `data` (1 unless the line says otherwise; `EventType.latestSchema`).
    public var schema: Int = EventType.currentSchema

    public init(id: String? = nil, type: EventType, bloc: String, year: Int? = nil, actor: String,
                occurredAt: Timestamp? = nil, data: JSONObject = [:], expectedVersion: Int? = nil,
                correlation: String? = nil, signature: EventSignature? = nil) {
        self.id = id
        self.type = type
        self.bloc = bloc
        self.year = year
        self.actor = actor
        self.occurredAt = occurredAt
        self.data = data
        self.expectedVersion = expectedVersion
        self.correlation = correlation
        self.signature = signature
    }

    public var stream: StreamID { StreamID(bloc: bloc, year: year) }

    /// Equal when every field would be stored alike: `occurredAt` as written, not only the same instant.
    public static func == (lhs: ProposedEvent, rhs: ProposedEvent) -> Bool {
        lhs.id == rhs.id && lhs.type == rhs.type && lhs.bloc == rhs.bloc && lhs.year == rhs.year && lhs.actor == rhs.actor
            && lhs.occurredAt?.text == rhs.occurredAt?.text && lhs.data == rhs.data
            && lhs.expectedVersion == rhs.expectedVersion && lhs.correlation == rhs.correlation
            && lhs.signature == rhs.signature && lhs.schema == rhs.schema
    }

    /// The data as canonical JSON text: what is signed, stored and hashed.
    public var dataText: String { keptDataText ?? JSON.object(data).canonicalText }

    /// Computes `dataText` once for the reads that follow (a signed line's is needed to check it and again to store it).
    public mutating func keepDataText() { keptDataText = JSON.object(data).canonicalText }
}

/// `BLOC` for bloc events, `BLOC/YEAR` for the events of one year.
public struct StreamID: Hashable, Sendable, CustomStringConvertible {
    public let bloc: String
    public let year: Int?

    public init(bloc: String, year: Int?) {
        self.bloc = bloc
        self.year = year
    }

    /// Parses `BDTW` or `BDTW/2017`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, Text.isCode(String(first)) else { return nil }
        switch parts.count {
        case 1: self.init(bloc: String(first), year: nil)
        case 2:
            guard let year = Int(parts[1]), Envelope.years.contains(year) else { return nil }
            self.init(bloc: String(first), year: year)
        default: return nil
        }
    }

    public var description: String { year.map { "\(bloc)/\($0)" } ?? bloc }
}
