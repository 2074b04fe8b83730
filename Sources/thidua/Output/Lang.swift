import ArgumentParser
import Foundation

/// The language of what people read: tables, headings and the effect line of a write (§10). Vietnamese unless
/// `--lang en` or `THIDUA_LANG=en` (the option wins). JSON, CSV and error messages do not depend on it.
enum Lang: String, CaseIterable, ExpressibleByArgument, Sendable {
    case vi, en

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// `--lang`, else `$THIDUA_LANG` (an empty one counts as unset), else Vietnamese.
    static func resolve(_ option: Lang?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Lang {
        if let option { return option }
        guard let text = environment["THIDUA_LANG"], !text.isEmpty else { return .vi }
        guard let lang = Lang(argument: text) else {
            throw CLIError.usage("THIDUA_LANG=\(text): not a language thidua speaks; use vi or en")
        }
        return lang
    }
}
