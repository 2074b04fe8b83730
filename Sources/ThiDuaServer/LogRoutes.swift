import Hummingbird
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `GET /v1/log`, `/v1/digest`, `/v1/verify`: the events themselves and the proofs over them.
enum LogRoutes {
    /// The events that match, as JSON Lines: byte for byte `thidua log --format json` with the same filters.
    /// With `Accept: text/event-stream`, a stream that follows the log (`EventStream`).
    static func log(_ request: Request, _ log: ServerLog, limits: ServerLimits) async throws -> Response {
        let filter = try Self.filter(Query(request))
        try await requireKnown(filter, log)
        if request.headers[.accept]?.contains("text/event-stream") == true {
            return try EventStream.response(request, filter: filter, log: log, limits: limits)
        }
        var bounded = try await EventStream.resolved(filter, log)
        // The log as it was when the request came: a reader does not wait for what is appended meanwhile.
        let head = try await log.read { store in try store.lastPosition() }
        bounded.toPosition = min(filter.toPosition ?? head, head)
        var headers = HTTPFields()
        headers[.contentType] = "application/x-ndjson"
        return Response(status: .ok, headers: headers, body: ResponseBody { [bounded] writer in
            var after = max((bounded.fromPosition ?? 1) - 1, 0)
            while after < head {
                let batch = try await EventStream.batch(after: after, bounded, log)
                var text = ""
                for (event, prev) in batch.events {
                    text += event.shownJSON(prevHash: prev).canonicalText
                    text += "\n"
                }
                if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                guard batch.through > after else { break }
                after = batch.through
            }
            try await writer.finish(nil)
        })
    }

    /// A member, criterion, year or election the bloc (or, with none named, any bloc) never had is refused as
    /// `thidua log` refuses it (404, naming the known ones), not answered with no event.
    static func requireKnown(_ filter: EventFilter, _ log: ServerLog) async throws {
        guard filter.member != nil || filter.criterion != nil || filter.year != nil || filter.election != nil else { return }
        try await log.read { store in
            let blocs = try filter.bloc.map { [try store.resolveBloc($0)] } ?? store.blocs()
            do {
                try store.requireKnown(member: filter.member, criterion: filter.criterion, year: filter.year, election: filter.election, blocs: blocs)
            } catch let unknown as UnknownCode {
                throw Problem(.notFound, code: .notFound, detail: unknown.detail, field: unknown.field, hint: unknown.hint)
            }
        }
    }

    /// The CLI's `thidua log` options as query parameters: `year`, `type` (repeatable), `actor`, `member`, `criterion`,
    /// `election`, `correlation`, `from`, `to`, `since`, `until`, `recordedSince`, `recordedUntil`, `bloc`.
    static func filter(_ query: Query) throws -> EventFilter {
        var filter = EventFilter()
        filter.bloc = query.string("bloc")?.uppercased()
        filter.year = try query.int("year")
        filter.types = try query.all("type").map { text in
            guard EventType(rawValue: text.lowercased()) != nil else {
                throw Query.bad("type", text, "no such event type; the types are " + EventType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return text.lowercased()
        }
        let code = { (text: String?) in text.map(EventFilter.code) }
        filter.actor = code(query.string("actor"))
        filter.member = code(query.string("member"))
        filter.criterion = code(query.string("criterion"))
        filter.election = code(query.string("election"))
        filter.correlation = query.string("correlation")
        filter.fromPosition = try query.position("from")
        filter.toPosition = try query.position("to")
        filter.occurredFrom = try query.start("since")
        filter.occurredTo = try query.bound("until")
        filter.recordedFrom = try query.start("recordedSince")
        filter.recordedTo = try query.bound("recordedUntil")
        return filter
    }

    /// `{"position":…,"hash":"…"}`, as `thidua digest --format json`; `?at=POS` the digest at an earlier position, as
    /// `thidua digest --at POS`; 404 for an empty log or a position it does not hold.
    static func digest(_ request: Request, _ log: ServerLog) async throws -> Response {
        let at = try Query(request).int("at").map(Int64.init)
        let head = try await log.read { store throws -> Head in
            guard let head = try store.head() else { throw Problem(.notFound, code: .notFound, detail: "the log is empty; there is nothing to digest") }
            guard let at else { return Head(position: head.position, hash: head.hash) }
            guard at >= 1, at <= head.position, let hash = try store.hash(at: at) else {
                throw Problem(.notFound, code: .notFound, detail: "the log has no position \(at); it ends at \(head.position)")
            }
            return Head(position: at, hash: hash)
        }
        return Responses.json(YearDocument.digest(position: head.position, hash: head.hash))
    }

    struct Head: Sendable {
        let position: Int64
        let hash: [UInt8]
    }

    /// What `thidua verify` checks, as a document; `intact` false (still 200) when the log was altered.
    /// `?digest=POS:HEX` also checks a digest written down earlier; `?quick=true` uses SQLite's quick_check.
    static func verify(_ request: Request, _ log: ServerLog) async throws -> Response {
        let query = Query(request)
        let digest = try query.typed("digest").map { text in
            let parts = text.split(separator: ":")
            guard parts.count == 2, let position = Int64(parts[0]), position >= 1,
                  let hash = EventHashing.bytes(hex: String(parts[1])), hash.count == 32 else {
                throw Query.bad("digest", text, "write it as POS:HEX, as thidua digest prints it")
            }
            return Head(position: position, hash: hash)
        }
        let quick = try query.bool("quick")
        let report = try await log.read { store in
            try store.verify(digest: digest.map { ($0.position, $0.hash) }, quick: quick).json
        }
        return Responses.json(report)
    }
}
