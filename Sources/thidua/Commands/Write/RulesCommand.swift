import ArgumentParser
import ThiDuaCore
import ThiDuaJSON

/// `thidua rules` (the rules in force for a year) and `thidua rules adopt`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "The voting rules and award kinds in force for a year; adopt new ones.",
        discussion: "Example: thidua rules --year 2024 --format json",
        subcommands: [RulesShowCommand.self, Adopt.self], defaultSubcommand: RulesShowCommand.self)

    struct Adopt: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "adopt", 
            abstract: "Adopt rules from a year on (secretariat): majority, quorum, and the award kinds with their limits.",
            discussion: #"""
                Without --award the award kinds are the national ones: government-flag "Cờ thi đua của Chính phủ" (only to a member ranked first, at most --flag-limit a year, default 1) and pm-certificate "Bằng khen của Thủ tướng Chính phủ" (at most --certificate-limit a year, default no limit). Any --award replaces them with the kinds listed, in that order: --award KIND="Name" (repeatable), --award-first KIND for a kind only a member ranked first may be proposed for, --award-limit KIND=N for at most N live proposals a year (no limit otherwise). Kinds are lowercase letters, digits and hyphens; see the kinds in force with thidua rules --year Y.

                Examples:
                  thidua --as secretariat rules adopt --from-year 2018 --quorum 2/3 \
                    --certificate-limit 3
                  thidua --as secretariat rules adopt --from-year 2024 \
                    --award provincial-flag="Cờ thi đua của UBND tỉnh" \
                    --award-first provincial-flag --award-limit provincial-flag=1 \
                    --award provincial-certificate="Bằng khen của Chủ tịch UBND tỉnh" \
                    --award-limit provincial-certificate=3
                """#)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var event: EventOptions
        @Option(name: .customLong("from-year"), parsing: .unconditional, help: "First year the rules apply to.") var fromYear: Int
        @Option(help: "Share of valid ballots a candidate must exceed, e.g. 0.5 or 1/2.") var majority: String?
        @Option(help: "Share of active members whose ballots make a quorum, e.g. 2/3.") var quorum: String?
        @Option(name: .customLong("flag-limit"), parsing: .unconditional, help: "Government flags the bloc may propose per year (national kinds only).") var flagLimit: Int?
        @Option(name: .customLong("certificate-limit"), parsing: .unconditional, help: "Certificates of merit per year (national kinds only).") var certificateLimit: Int?
        @Option(name: .customLong("award"), help: ArgumentHelp("An award kind and its name, KIND=\"Name\" (repeatable; replaces the national kinds).", valueName: "kind=name"))
        var awards: [String] = []
        @Option(name: .customLong("award-first"), help: ArgumentHelp("A kind given only to a member ranked first (repeatable).", valueName: "kind"))
        var firstOnly: [String] = []
        @Option(name: .customLong("award-limit"), help: ArgumentHelp("At most N live proposals of a kind a year, KIND=N (repeatable).", valueName: "kind=n"))
        var limits: [String] = []
        @Option(help: ArgumentHelp("optional (default) or required: from --from-year on, must every year event be signed by its actor?", valueName: "policy"))
        var signatures: SignaturePolicy?

        func run() throws {
            func fraction(_ text: String?) -> JSON? {
                guard let text else { return nil }
                if case .number(let number)? = try? JSON.parse(text) { return .number(number) }
                return .string(text)
            }
            try Write.append(.rulesAdopted, year: nil, data: .fields([
                "fromYear": JSON(fromYear), "majority": fraction(majority), "quorum": fraction(quorum),
                "flagLimit": flagLimit.map(JSON.init), "certificateLimit": certificateLimit.map(JSON.init),
                "awards": try awardList(), "signatures": signatures.map { .string($0.rawValue) },
            ]), global: global, event: event)
        }

        /// `awards` from --award, --award-first and --award-limit; nil when no --award is given.
        func awardList() throws -> JSON? {
            var order: [String] = []
            var names: [String: String] = [:]
            for text in awards {
                let (kind, name) = try Self.pair(text, option: "--award", example: #"provincial-flag="Cờ thi đua của Ủy ban nhân dân tỉnh""#)
                order.append(kind)
                names[kind] = name
            }
            func defined(_ kind: String, option: String) throws {
                guard names[kind] != nil else {
                    throw CLIError.usage("\(option) names \(kind), which no --award defines"
                                         + (order.isEmpty ? "; add --award \(kind)=\"Name\"" : "; the kinds given are \(order.joined(separator: ", "))"))
                }
            }
            let first = Set(firstOnly.map { $0.lowercased() })
            for kind in first.sorted() { try defined(kind, option: "--award-first") }
            var limitOf: [String: JSON] = [:]
            for text in limits {
                let (kind, value) = try Self.pair(text, option: "--award-limit", example: "provincial-flag=1")
                try defined(kind, option: "--award-limit")
                guard limitOf[kind] == nil else { throw CLIError.usage("--award-limit gives \(kind) twice; give it once") }
                guard case .number(let number)? = try? JSON.parse(value), number.scale == 0 else {
                    throw CLIError.usage("--award-limit \(text): \(value) is not a whole number; write it like \(kind)=1")
                }
                limitOf[kind] = .number(number)
            }
            guard !order.isEmpty else { return nil }
            return .array(order.map { kind in
                .object(.fields(["kind": .string(kind), "name": .string(names[kind] ?? ""), "onlyFirst": .bool(first.contains(kind)),
                                 "limit": limitOf[kind]]))
            })
        }

        /// `KIND=VALUE`, the kind lower-cased.
        static func pair(_ text: String, option: String, example: String) throws -> (String, String) {
            guard let equals = text.firstIndex(of: "=") else {
                throw CLIError.usage("\(option) \(text): expected KIND=…, like \(option) \(example)")
            }
            return (String(text[..<equals]).lowercased(), String(text[text.index(after: equals)...]))
        }
    }
}

extension SignaturePolicy: ExpressibleByArgument {}
