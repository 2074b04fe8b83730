import Hummingbird
import ThiDuaReport
import ThiDuaStore

/// A web page's refusal (`/`, `/years/{year}`) as a person in a browser should see it: a Vietnamese page with the
/// problem's status that says what went wrong and what the log holds, each year a link, and a link back to `/`.
/// A client that asks for JSON (`Accept: application/problem+json` or `application/json`) gets the problem itself.
enum WebErrorPage {
    /// Runs a page's handler; a refusal becomes this page unless the client asked for JSON.
    static func serving(_ request: Request, _ log: ServerLog, year: String? = nil,
                        _ page: () async throws -> Response) async throws -> Response {
        do {
            return try await page()
        } catch let problem as Problem {
            return try await answer(problem, request, log, year: year)
        } catch let error as StoreError {
            return try await answer(Problem(error), request, log, year: year)
        }
    }

    static func answer(_ problem: Problem, _ request: Request, _ log: ServerLog, year: String?) async throws -> Response {
        guard !wantsJSON(request) else { throw problem }
        let given = Query(request).string("bloc")?.uppercased()
        // What the log holds; when the log itself cannot be read, the page says only that.
        let holdings = try? await log.read { store in
            try store.blocs().map { bloc in Holding(code: bloc, name: try store.blocState(bloc: bloc).name, years: try store.years(bloc: bloc)) }
        }
        return WebPage.html(html(problem, given: given, year: year, holdings: holdings), scripts: [], status: problem.status)
    }

    /// Whether the request names a JSON type in its Accept header (a browser's does not).
    static func wantsJSON(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept]?.lowercased() else { return false }
        return accept.contains("application/problem+json") || accept.contains("application/json")
    }

    struct Holding: Sendable {
        var code: String
        var name: String?
        var years: [Int]
    }

    static func html(_ problem: Problem, given: String?, year: String?, holdings: [Holding]?) -> String {
        let heading: String
        var said: [String] = []
        switch problem.status.code {
        case 404: heading = "Không tìm thấy trang"
        case 400: heading = "Địa chỉ trang không hợp lệ"
        default: heading = "Chưa mở được trang"
        }
        let blocs = holdings ?? []
        let chosen = given.flatMap { code in blocs.first { $0.code == code } } ?? (given == nil && blocs.count == 1 ? blocs.first : nil)
        if let year, Int(year) == nil {
            said.append("“\(year.prefix(40))” không phải là một năm; hãy viết năm như 2018.")
        } else if let given, chosen == nil, holdings != nil {
            said.append("Sổ không có khối thi đua \(given.prefix(40)).")
        } else if given == nil, blocs.count > 1, problem.status.code == 404 {
            said.append("Sổ có nhiều khối thi đua; hãy chọn một khối trong danh sách dưới đây.")
        } else if let year, let chosen, let number = Int(year), !chosen.years.contains(number) {
            said.append("Khối \(chosen.code) không có năm thi đua \(number) trong sổ.")
        } else if problem.status.code == 404 {
            said.append("Không có trang này.")
        }
        // A refusal of the request says what was wrong with it; a server failure is not described to visitors.
        if problem.status.code == 400 { said.append("Chi tiết: \(problem.detail)") }
        if holdings == nil, problem.status.code >= 500 { said.append("Sổ tạm thời không đọc được; xin thử lại sau ít phút.") }
        var body: [Node] = [.tag("h1", text: heading)] + said.map { .tag("p", text: $0) }
        if let holdings {
            body.append(.tag("h2", text: "Sổ hiện có"))
            if holdings.isEmpty { body.append(.tag("p", text: "Sổ chưa có khối thi đua nào.")) }
            for bloc in holdings {
                let query = holdings.count > 1 ? "?bloc=" + WebPage.queryValue(bloc.code) : ""
                let title = bloc.name.map { "\(bloc.code) — \($0)" } ?? bloc.code
                var items: [Node] = bloc.years.map { year in
                    .tag("li", [.tag("a", [Attribute("href", "/years/\(year)\(query)")], text: "Năm \(year)")])
                }
                if items.isEmpty { items = [.tag("li", text: "Khối chưa mở năm thi đua nào.")] }
                body.append(.tag("h3", text: title))
                body.append(.tag("ul", [.class("years")], items))
            }
        }
        body.append(.tag("p", [.tag("a", [Attribute("href", "/")], text: "← Về trang đầu")]))
        return Node.page(title: heading, css: WebRoutes.Listing.style, body: body)
    }
}
