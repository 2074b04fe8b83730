import Foundation
import Hummingbird
import ThiDuaLog
import ThiDuaReport
import ThiDuaStore

/// `GET /v1/years/{year}/report`: the year report (§11), the document `thidua report --year YEAR` writes at the same
/// moment (replay's `asOf`, `knownAt`, `at`). Its check commands name no file: the server's path of the log is not
/// shown to visitors (they read `thidua.sqlite`, the name a copy of the log has by default).
enum ReportRoute {
    static func get(_ request: Request, _ context: some RequestContext, _ log: ServerLog) async throws -> Response {
        let html = try await document(request, context, log)
        return WebPage.html(html, scripts: [])
    }

    /// The report's HTML for the year in the path, at the moment the query names.
    static func document(_ request: Request, _ context: some RequestContext, _ log: ServerLog) async throws -> String {
        let query = Query(request)
        let yearText = context.parameters.get("year") ?? ""
        guard let year = Int(yearText) else { throw Query.bad("year", yearText, "a year, e.g. 2018") }
        let bloc = query.string("bloc")?.uppercased()
        let bounds = ReplayBounds(asOf: try query.bound("asOf"), knownAt: try query.bound("knownAt"), at: try query.position("at"))
        let moment = YearReport.Moment(asOf: query.typed("asOf"), knownAt: query.typed("knownAt"), at: bounds.at)
        let make = { @Sendable in try await build(log, bloc: bloc, year: year, bounds: bounds, moment: moment) }
        guard request.headers[HeaderName.liveReport] == "1", bounds.asOf == nil, bounds.knownAt == nil, bounds.at == nil else {
            return try await make()
        }
        let head = try await log.read { store in try store.head()?.position ?? 0 }
        return try await log.reports.report("\(bloc ?? "")/\(year)", head: head, make: make)
    }

    private static func build(_ log: ServerLog, bloc: String?, year: Int, bounds: ReplayBounds, moment: YearReport.Moment) async throws -> String {
        try await log.read { store in
            let bloc = try store.resolveBloc(bloc)
            guard try store.years(bloc: bloc).contains(year) else { throw YearRoutes.unopened(bloc, year) }
            let (replay, digest) = try store.reportFacts(bloc: bloc, year: year, bounds: bounds)
            let madeAt = Timestamp(utcMicroseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)).text
            return YearReport(
                state: replay.state, bloc: replay.bloc, position: replay.position, events: replay.events.map(\.recorded),
                decodedEvents: replay.decodedEvents,
                digest: digest.map { YearReport.Digest(position: $0.position, hash: EventHashing.hex($0.hash)) },
                moment: moment, madeAt: madeAt
            ).html()
        }
    }
}

extension HeaderName {
    /// Sent by the live page's script: its report may be the one shared by every visitor at the same head.
    static let liveReport = Name("Thidua-Live")!
}
