import ArgumentParser
import ThiDuaCore
import ThiDuaJSON

/// `thidua year open|close|reopen`.
struct YearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year", abstract: "Open, close or reopen an emulation year.",
        subcommands: [Open.self, Close.self, Reopen.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", 
            abstract: "Open a year with its members and interim officers (secretariat).",
            discussion: #"Example: thidua --as secretariat year open 2018 --member BKTTW="Ban Kinh tế Trung ương" --member UBKTTW="Ủy ban Kiểm tra Trung ương" --head BKTTW"#
                + "\nCarrying over: thidua --as secretariat year open 2019 --from 2018 takes the members active at the end of 2018 and the "
                + "head and deputies elected in 2018 for the 2019 term; --member adds members, --head and --deputy replace the carried officers.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @OptionGroup var year: YearChoice
        @Option(help: ArgumentHelp("A member as CODE=\"Name\" (repeat for each).", valueName: "code=name")) var member: [String] = []
        @Option(help: "Interim head (a member code).") var head: String?
        @Option(help: "Interim deputy (repeatable).") var deputy: [String] = []
        @Option(name: .customLong("from"), parsing: .unconditional,
                help: "The previous year, whose active members and officers elected for this term carry over.") var from: Int?
        @Option(help: "Why these officers (default with --from: the year and elections they come from).") var basis: String?

        func run() throws {
            let opening = try year.value
            var members: [(code: String, name: String)] = []
            var head = head?.uppercased()
            var deputies = deputy.isEmpty ? nil : Write.codes(deputy).arrayValue?.compactMap(\.stringValue)
            var basis = basis
            if let from {
                let carried = try Carried(from: from, into: opening, global: global)
                members = carried.members
                // Explicit officers replace the carried ones; a carried officer named explicitly in another office stays there.
                if head == nil, let elected = carried.head, !(deputies ?? []).contains(elected) { head = elected }
                if deputies == nil, !carried.deputies.isEmpty { deputies = carried.deputies.filter { $0 != head } }
                basis = basis ?? carried.basis(head: head, deputies: deputies ?? [])
            }
            for text in member {
                let parts = text.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { throw CLIError.usage("--member \(text): write it as CODE=\"Name\"") }
                let code = String(parts[0]).uppercased()
                members.removeAll { $0.code == code }
                members.append((code, String(parts[1])))
            }
            try Write.append(.yearOpened, year: opening, data: .fields([
                "members": .array(members.map { .object(["code": .string($0.code), "name": .string($0.name)]) }),
                "head": Write.optional(head), "deputies": deputies.map { .array($0.map(JSON.string)) }, "basis": Write.optional(basis),
            ]), global: global, event: event)
        }
    }

    /// What `year open --from` carries over from the year before: its members active at the end, and the head and
    /// deputies elected in its stream for the new year's term.
    struct Carried {
        let from: Int
        let members: [(code: String, name: String)]
        let head: String?
        let deputies: [String]
        let headElection: String?
        let deputyElection: String?

        init(from: Int, into year: Int, global: GlobalOptions) throws {
            guard from.addingReportingOverflow(1) == (year, false) else {
                throw CLIError.usage("--from \(from): a year carries over from the year just before it; for \(year) that is --from \(year &- 1)")
            }
            let (bloc, read) = try Self.read(from, global)
            guard let state = read, state.status != .unopened else {
                throw CLIError.rejected("--from \(from): year \(from) of \(bloc) was never opened; nothing carries over. "
                                        + "Give the members with --member CODE=\"Name\" instead")
            }
            self.from = from
            members = state.activeMembers.map { ($0.code, $0.name) }
            let active = Set(members.map(\.code))
            head = state.nextTerm.head.flatMap { active.contains($0) ? $0 : nil }
            deputies = state.nextTerm.deputies.filter(active.contains)
            headElection = state.nextTerm.headElection
            deputyElection = state.nextTerm.deputyElection
        }

        /// The bloc and the state of year `from`, from the file or the server.
        private static func read(_ from: Int, _ global: GlobalOptions) throws -> (String, YearState?) {
            if let server = try global.server {
                let remote = try RemoteState(server, bloc: global.bloc, year: from)
                return (remote.bloc, remote.year?.state)
            }
            let store = try global.openStore()
            let bloc = try store.resolveBloc(global.bloc)
            return (bloc, try store.yearState(bloc: bloc, year: from)?.state)
        }

        /// `Kế thừa năm 2024; bầu tại HEAD-2025, DEP-2025`: the year and the elections whose results are used.
        func basis(head: String?, deputies: [String]) -> String {
            var elections: [String] = []
            if let head, head == self.head, let headElection { elections.append(headElection) }
            if !deputies.isEmpty, deputies == self.deputies.filter({ $0 != head }), let deputyElection { elections.append(deputyElection) }
            return "Kế thừa năm \(from)" + (elections.isEmpty ? "" : "; bầu tại " + elections.joined(separator: ", "))
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a year (officers); afterwards only award decisions and reopening.",
                                                        discussion: "Example: thidua --as BNCTW year close 2017")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @OptionGroup var year: YearChoice
        func run() throws { try Write.append(.yearClosed, year: try year.value, data: [:], global: global, event: event) }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed year (secretariat).",
                                                        discussion: #"Example: thidua --as secretariat year reopen 2017 --reason "Bổ sung hồ sơ""#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @OptionGroup var year: YearChoice
        @Option(help: "Why.") var reason: String
        func run() throws {
            try Write.append(.yearReopened, year: try year.value, data: ["reason": .string(reason)], global: global, event: event)
        }
    }
}
