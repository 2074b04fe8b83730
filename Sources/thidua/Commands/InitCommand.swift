import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua init`: found a bloc, creating the log file if needed.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Found a bloc (bloc.founded), creating the log if it does not exist.",
        discussion: "Example: thidua init --bloc BDTW --name \"Khối thi đua các ban đảng Trung ương\" --occurred-at 2017-01-10"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var event: EventOptions

    @Option(help: "The bloc's name.")
    var name: String

    @Option(help: "The body that organises the bloc (optional).")
    var organiser: String?

    func run() throws {
        guard let bloc = global.bloc else { throw CLIError.usage("init needs --bloc CODE, e.g. --bloc BDTW") }
        let lang = try global.lang
        var data: JSONObject = ["name": .string(name)]
        if let organiser { data["organiser"] = .string(organiser) }
        let founded = try Typed.event(.blocFounded, bloc: bloc, year: nil, actor: try global.optionalActor() ?? Text.secretariat,
                                      occurredAt: event.occurredAt, data: data, correlation: event.correlation, id: event.id)
        if let server = try global.server {
            try RemoteWrite.post([(1, try EventSigning.signed(founded, key: event.key))], to: server, lang, typed: true)
            Console.line(Visible.escaped(Phrase.blocFounded(bloc, path: server.written, lang)))
            return
        }
        let store = try global.openStore(create: true)
        let report = try store.append([founded])
        Typed.printAppended(report, lang)
        Console.line(Visible.escaped(Phrase.blocFounded(bloc, path: store.path, lang)))
    }
}
