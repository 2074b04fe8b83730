import ThiDuaLog

/// Khối thi đua: the state of one bloc's own stream.
public struct BlocState: Sendable, Equatable {
    public var code: String
    public var name: String?
    public var organiser: String?
    public var founded = false
    /// Adoptions of rules, in log order; the latest with `fromYear <= year` applies.
    public var adoptions: [Rules] = []
    /// The signing keys registered in the bloc, by public key (EventLog/SIGNING.md).
    public var keys: [[UInt8]: RegisteredKey] = [:]

    public init(code: String) { self.code = code }

    /// The rules in force for a year.
    public func rules(forYear year: Int) -> Rules {
        adoptions.last { $0.fromYear <= year } ?? Rules.defaults
    }

    public mutating func evolve(_ event: DomainEvent) {
        switch event.payload {
        case .blocFounded(let name, let organiser):
            founded = true
            self.name = name
            self.organiser = organiser
        case .rulesAdopted(let rules):
            adoptions.append(rules)
        case .keyRegistered, .keyRevoked:
            evolveKeys(event.payload)
        default:
            break
        }
    }
}
