import ThiDuaCore
import ThiDuaLog

/// Part 9, the record: what the year's events say about how the facts came to be.
struct RecordSummary {
    struct Correction {
        enum Kind { case resubmitted, reviewed, voided }
        var kind: Kind
        var position: Int64
        var occurredAt: String
        var actor: String
        /// What changed, e.g. `BNCTW, tiêu chí 1.1: 9 → 8,5`.
        var change: String
        var reason: String?
    }

    /// An event that occurred before an event the log had recorded earlier in the year (ghi lùi ngày).
    struct Backdated {
        var position: Int64
        var type: String
        var occurredAt: String
        var recordedAt: String
        /// The latest occurrence logged before it.
        var after: String
    }

    /// The most rows a list of corrections or backdated events prints; the rest are counted (`thidua log` shows them).
    static let listed = 200

    var count = 0
    var first: Int64?
    var last: Int64?
    var byType: [(type: String, count: Int)] = []
    var corrections: [Correction] = []
    var correctionCounts: [Correction.Kind: Int] = [:]
    var backdated: [Backdated] = []
    var backdatedCount = 0
    var signed = 0
    var unsigned = 0
    var keys: Set<String> = []
    /// The latest pact.signed of each member: when, and the fingerprint of its key where signed.
    var pactSignings: [String: (occurredAt: String, fingerprint: String?)] = [:]
    /// The latest award.proposed of each member: when.
    var proposals: [String: String] = [:]

    init(_ events: [RecordedEvent], decoded: [DomainEvent]? = nil) {
        let decoded = decoded?.count == events.count ? decoded : nil
        count = events.count
        first = events.first?.position
        last = events.last?.position
        var counts: [String: Int] = [:]
        var submitted: [String: [String: Points]] = [:]
        var reviewed: [String: [String: Points]] = [:]
        var latest: (stamp: Timestamp, text: String)?
        for (index, event) in events.enumerated() {
            counts[event.type, default: 0] += 1
            let fingerprint = event.signature.flatMap { bytes -> String? in
                guard bytes.count == EventSignature.publicKeyBytes + EventSignature.valueBytes else { return nil }
                return EventSignature.fingerprint(publicKey: Array(bytes.prefix(EventSignature.publicKeyBytes)))
            }
            if let fingerprint {
                signed += 1
                keys.insert(fingerprint)
            } else {
                unsigned += 1
            }
            if let occurred = try? Timestamp(parsing: event.occurredAt) {
                if let latest, occurred < latest.stamp {
                    backdatedCount += 1
                    if backdated.count < Self.listed {
                        backdated.append(Backdated(position: event.position, type: event.type, occurredAt: event.occurredAt,
                                                   recordedAt: event.recordedAt, after: latest.text))
                    }
                } else {
                    latest = (occurred, event.occurredAt)
                }
            }
            guard Self.read.contains(event.type), let domain = decoded?[index] ?? DomainEvent(recorded: event) else { continue }
            switch domain.payload {
            case .scoreSubmitted(let member, let criterion, let points, _):
                if let before = submitted[member]?[criterion] {
                    note(.resubmitted, event, change: "\(member), tiêu chí \(criterion): tự chấm \(VietnameseFormat.points(before)) → \(VietnameseFormat.points(points))")
                }
                submitted[member, default: [:]][criterion] = points
            case .scoreReviewed(let member, let criterion, let points, let reason):
                let before = (reviewed[member]?[criterion] ?? submitted[member]?[criterion]).map(VietnameseFormat.points) ?? "—"
                note(.reviewed, event, change: "\(member), tiêu chí \(criterion): \(before) → \(VietnameseFormat.points(points))", reason: reason)
                reviewed[member, default: [:]][criterion] = points
            case .voteVoided(let election, let voter, let reason):
                note(.voided, event, change: "phiếu của \(voter), bầu cử \(election)", reason: reason)
            case .pactSigned(let member, _, _):
                pactSignings[member] = (event.occurredAt, fingerprint)
            case .awardProposed(let member, _, _, _):
                proposals[member] = event.occurredAt
            default:
                break
            }
        }
        let known = EventType.allCases.map(\.rawValue)
        byType = known.compactMap { type in counts[type].map { (type, $0) } }
            + counts.keys.filter { !known.contains($0) }.sorted().map { ($0, counts[$0] ?? 0) }
    }

    /// The types whose data the record reads; the rest are only counted.
    private static let read: Set<String> = [
        EventType.scoreSubmitted, .scoreReviewed, .voteVoided, .pactSigned, .awardProposed,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    /// Counts a correction; lists it (its text made only then) while the list is shorter than `listed`.
    private mutating func note(_ kind: Correction.Kind, _ event: RecordedEvent, change: @autoclosure () -> String, reason: String? = nil) {
        correctionCounts[kind, default: 0] += 1
        guard corrections.count < Self.listed else { return }
        corrections.append(Correction(kind: kind, position: event.position, occurredAt: event.occurredAt, actor: event.actor,
                                      change: change(), reason: reason))
    }
}
