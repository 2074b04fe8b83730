import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua registrations`: each member's emulation registration (đăng ký thi đua).
struct RegistrationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registrations", abstract: "Each member's registration (đăng ký thi đua): targets and titles sought.",
        discussion: "Example: thidua registrations --year 2018 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let (p, state) = try query.yearState(global)
        let registered = state.members.values.compactMap { m in state.registrations[m.code].map { (m, $0) } }
        let missing = state.activeMembers.filter { state.registrations[$0.code] == nil }.map(\.code)
        switch query.output.format {
        case .json:
            Render.json(YearDocument.registrations(p, state))
        case .csv:
            Render.csv(["member", "name", "titlesSought", "number", "target"], registered.flatMap { m, r in
                let titles = r.titlesSought.map(\.rawValue).joined(separator: " ")
                return r.targets.isEmpty ? [[m.code, m.name, titles, "", ""]]
                    : r.targets.enumerated().map { [m.code, m.name, titles, String($0.offset + 1), $0.element] }
            })
        case .table:
            let lang = try global.lang
            let bloc = try query.blocState(global)
            var table = Table([.member, .name, .titlesSought, .targetNumber, .target], lang, rightAligned: [3])
            for (m, r) in registered {
                let titles = r.titlesSought.map { lang == .vi ? bloc.awardName($0, year: p.year) ?? $0.rawValue : $0.rawValue }.joined(separator: lang == .vi ? "; " : ", ")
                if r.targets.isEmpty { table.add([m.code, m.name, titles, "", ""]) }
                for (n, target) in r.targets.enumerated() {
                    table.add(n == 0 ? [m.code, m.name, titles, "1", target] : ["", "", "", String(n + 1), target])
                }
            }
            Render.table(p.heading(lang), table, lang)
            if !missing.isEmpty { Console.line(Phrase.unregistered(missing, lang)) }
        }
    }
}
