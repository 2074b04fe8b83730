import Hummingbird
import ThiDuaLog

/// A request's query parameters, each read once and refused with a problem (400) when it is not valid.
struct Query {
    let parameters: [String: [String]]

    init(_ request: Request) {
        var parameters: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            parameters[String(key), default: []].append(String(value))
        }
        self.parameters = parameters
    }

    func string(_ name: String) -> String? {
        parameters[name]?.last.flatMap { $0.isEmpty ? nil : $0 }
    }

    func all(_ name: String) -> [String] { (parameters[name] ?? []).filter { !$0.isEmpty } }

    /// The value of a parameter that is not text: given empty, it is refused rather than taken as absent.
    func typed(_ name: String) -> String? { parameters[name]?.last }

    func int(_ name: String) throws -> Int? {
        guard let text = typed(name) else { return nil }
        guard let value = Int(text) else { throw Self.bad(name, text, "a whole number") }
        return value
    }

    func position(_ name: String) throws -> Int64? {
        guard let text = typed(name) else { return nil }
        guard let value = Int64(text), value >= 0 else { throw Self.bad(name, text, "a position, 0 or more (the log starts at 1)") }
        return value
    }

    /// A time bound: a timestamp, or a date alone meaning the end of that day, +07:00 (as the CLI reads `--as-of`).
    func bound(_ name: String) throws -> Timestamp? {
        guard let text = typed(name) else { return nil }
        do {
            return try Timestamp(bound: text)
        } catch {
            throw Self.bad(name, text, error.reason)
        }
    }

    /// The first instant of a bound: a date alone means the start of that day, +07:00 (as `thidua log --since`).
    func start(_ name: String) throws -> Timestamp? {
        guard let text = typed(name) else { return nil }
        if text.utf8.count == 10, let stamp = try? Timestamp(parsing: text + "T00:00:00+07:00") { return stamp }
        return try bound(name)
    }

    func bool(_ name: String) throws -> Bool {
        switch typed(name) {
        case nil, "false": return false
        case "true": return true
        case let text?: throw Self.bad(name, text, "true or false")
        }
    }

    static func bad(_ name: String, _ value: String, _ reason: String) -> Problem {
        Problem(.badRequest, code: .badParameter, detail: "\(name)=\(value.prefix(80)): \(reason)", field: name)
    }
}
