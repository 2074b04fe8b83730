import Foundation
import Hummingbird
import ServiceLifecycle
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `GET /v1/log` with `Accept: text/event-stream` (§12 follow): the events that match, then each new one as it is
/// appended — by this server or by any other process writing the same file — as server-sent events. Each event's
/// `id:` is its position; a client that reconnects with `Last-Event-ID: N` gets exactly the matching events after N,
/// with no gap and no duplicate. A commit of this server's writer wakes the follower at once; appends by other
/// processes are found by reading again every `followPollSeconds`.
package enum EventStream {
    /// Events read from the store per step.
    static let batchSize = 500

    static func response(_ request: Request, filter: EventFilter, log: ServerLog, limits: ServerLimits) throws -> Response {
        var after = max((filter.fromPosition ?? 1) - 1, 0)
        if let last = request.headers[HeaderName.lastEventID] {
            guard let position = Int64(last.trimmingCharacters(in: .whitespaces)), position >= 0 else {
                throw Query.bad("Last-Event-ID", last, "the id of the last event received: a position")
            }
            after = max(after, position)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[HeaderName.accelBuffering] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { [after] writer in
            let filter = try await resolved(filter, log)
            try await follow(after: after, filter, log, limits: limits) { text in try await writer.write(ByteBuffer(string: text)) }
            try await writer.finish(nil)
        })
    }

    /// Writes every matching event after `after` as it arrives, until the server shuts down, the client goes or the
    /// filter's `to` position is passed.
    package static func follow(after start: Int64, _ filter: EventFilter, _ log: ServerLog, limits: ServerLimits,
                               send: (String) async throws -> Void) async throws {
        var after = start
        var quiet = 0.0
        // Subscribed before the first read: a commit during any read leaves a wake-up, so the next read finds it.
        let wakeUps = log.writer.commitSignal.wakeUps(polling: limits.followPollSeconds)
        defer { wakeUps.stop() }
        try await send("retry: 1000\n\n")
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            if let to = filter.toPosition, after >= to { return }
            // Rows this server just committed are sent as the writer left them; the file is read for the rest.
            let recent = log.writer.commitSignal.recent(after: after, filter)
            let batch = if let recent { recent } else { try await Self.batch(after: after, filter, log) }
            if !batch.events.isEmpty {
                var text = ""
                for (event, prev) in batch.events {
                    text += "id: \(event.position)\nevent: \(event.type)\ndata: \(event.shownJSON(prevHash: prev).canonicalText)\n\n"
                }
                try await send(text)
                quiet = 0
            }
            if batch.through > after {
                after = batch.through
                if batch.events.count >= batchSize { continue }
            }
            let waited = ContinuousClock.now
            _ = await wakeUps.next()
            try Task.checkCancellation()
            let elapsed = ContinuousClock.now - waited
            quiet += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if quiet >= limits.keepAliveSeconds {
                try await send(": keep-alive\n\n")
                quiet = 0
            }
        }
    }

    /// The matching events after `after`, with the position the read covered.
    static func batch(after: Int64, _ filter: EventFilter, _ log: ServerLog) async throws
        -> (events: [(event: RecordedEvent, prevHash: [UInt8])], through: Int64) {
        try await log.read { store in
            try store.events(after: after, filter, limit: batchSize)
        }
    }

    /// The filter with its bloc checked against the log (a bloc the log does not hold is a 404).
    static func resolved(_ filter: EventFilter, _ log: ServerLog) async throws -> EventFilter {
        guard let bloc = filter.bloc else { return filter }
        var resolved = filter
        resolved.bloc = try await log.read { store in try store.resolveBloc(bloc) }
        return resolved
    }
}

/// Header names the HTTP types do not name.
enum HeaderName {
    typealias Name = HTTPFields.Element.Name
    static let lastEventID = Name("Last-Event-ID")!
    /// Asks nginx not to buffer a stream.
    static let accelBuffering = Name("X-Accel-Buffering")!
}
