import Hummingbird
import ThiDuaReport
import ThiDuaLog
import ThiDuaStore

/// The web pages (§12), in Vietnamese: `/` lists the bloc's years, `/years/{year}` is the year report that follows the
/// log and redraws itself when an event arrives; a page that cannot be shown is `WebErrorPage`.
enum WebRoutes {
    static func add(to router: Router<BasicRequestContext>, _ log: ServerLog) {
        router.get("/v1/years/:year/report") { request, context in try await ReportRoute.get(request, context, log) }
        router.get("/") { request, _ in try await WebErrorPage.serving(request, log) { try await index(request, log) } }
        router.get("/years/:year") { request, context in
            try await WebErrorPage.serving(request, log, year: context.parameters.get("year")) {
                let report = try await ReportRoute.document(request, context, log)
                return WebPage.html(LiveReport.page(report), scripts: [LiveReport.script])
            }
        }
    }

    /// The years of the bloc (`?bloc=`, or the only one); when the log holds several blocs and none is named, the blocs.
    static func index(_ request: Request, _ log: ServerLog) async throws -> Response {
        let given = Query(request).string("bloc")?.uppercased()
        let listing = try await log.read { store -> Listing in
            let blocs = try store.blocs()
            if given == nil, blocs.count > 1 {
                return Listing(blocs: try blocs.map { ($0, try store.blocState(bloc: $0).name) }, several: true)
            }
            let bloc = try store.resolveBloc(given)
            return Listing(bloc: bloc, name: try store.blocState(bloc: bloc).name, years: try store.years(bloc: bloc), several: blocs.count > 1)
        }
        return WebPage.html(listing.html, scripts: [])
    }

    struct Listing: Sendable {
        var bloc: String?
        var name: String?
        var years: [Int] = []
        var blocs: [(code: String, name: String?)] = []
        var several: Bool

        init(blocs: [(String, String?)], several: Bool) {
            self.blocs = blocs.map { (code: $0.0, name: $0.1) }
            self.several = several
        }

        init(bloc: String, name: String?, years: [Int], several: Bool) {
            self.bloc = bloc
            self.name = name
            self.years = years
            self.several = several
        }

        var html: String {
            let heading: String
            var items: [Node]
            if let bloc {
                let query = several ? "?bloc=" + WebPage.queryValue(bloc) : ""
                heading = name.map { "\(bloc) — \($0)" } ?? bloc
                items = years.map { year in
                    .tag("li", [.tag("a", [Attribute("href", "/years/\(year)\(query)")], text: "Năm \(year)"),
                                .text(": báo cáo kết quả thi đua")])
                }
                if items.isEmpty { items = [.tag("li", text: "Khối chưa mở năm thi đua nào.")] }
            } else {
                heading = "Các khối thi đua trong sổ"
                items = blocs.map { bloc in
                    .tag("li", [.tag("a", [Attribute("href", "/?bloc=" + WebPage.queryValue(bloc.code))],
                                     text: bloc.name.map { "\(bloc.code) — \($0)" } ?? bloc.code)])
                }
            }
            return Node.page(title: heading, css: Self.style, body: [
                .tag("h1", text: heading),
                .tag("ul", [.class("years")], items),
                .tag("p", [.class("note")], text: "Mỗi trang năm là báo cáo kết quả thi đua, tự cập nhật khi sổ có sự kiện mới."),
            ])
        }

        static let style: StaticString = """
            body { font-family: "Times New Roman", "Liberation Serif", serif; margin: 2em auto; max-width: 40em; padding: 0 1em; } \
            li { margin: .4em 0; } .note { color: #444; font-size: .9em; }
            """
    }
}
