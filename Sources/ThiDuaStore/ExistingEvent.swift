import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

/// An event already recorded under a client's id, as much of it as idempotency compares (§4).
struct ExistingEvent: Sendable {
    let position: Int64
    let stream: String
    let version: Int64
    let type: String
    let actor: String
    let occurredAt: String
    let correlation: String?
    let data: String
    let signature: [UInt8]?
    let schema: Int

    static func fetch(id: String, _ db: Database) throws -> ExistingEvent? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT position, stream, version, type, actor, occurredAt, correlation, data, CAST(signature AS BLOB), schema FROM event WHERE id = ?"),
            arguments: [id]
        ).map { row in
            ExistingEvent(position: row[0], stream: row[1], version: row[2], type: row[3], actor: row[4], occurredAt: row[5],
                          correlation: row[6], data: row[7], signature: (row[8] as Data?).map { [UInt8]($0) }, schema: row[9])
        }
    }

    /// The same id with identical content is a no-op; with other content, a refusal.
    func requireSameContent(as event: ProposedEvent, data: String, id: String) throws(ThiDuaError) {
        let same = stream == event.stream.description && type == event.type.rawValue && actor == event.actor
            && self.data == data && correlation == event.correlation
            && (event.occurredAt == nil || occurredAt == event.occurredAt!.text)
            && signature == event.signature?.storedBytes && schema == event.schema
        guard same else {
            throw ThiDuaError(code: .idReused, field: "id",
                              reason: "id \(id) is already recorded at position \(position) with other content",
                              hint: "use a new id for a new event, or leave id out")
        }
    }
}
