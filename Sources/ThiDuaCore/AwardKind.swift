/// A kind of award (danh hiệu, hình thức khen thưởng) as the bloc's rules define it: lowercase
/// `[a-z0-9-]{1,32}`, e.g. `government-flag` or `provincial-flag`. Which kinds exist in a year is data
/// (`rules.adopted` `awards`), not code.
public struct AwardKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless the text is a well-formed kind.
    public init?(rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    /// Cờ thi đua của Chính phủ.
    public static let governmentFlag = AwardKind(known: "government-flag")
    /// Bằng khen của Thủ tướng Chính phủ.
    public static let pmCertificate = AwardKind(known: "pm-certificate")

    public static let maximumLength = 32

    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = text.utf8
        return (1...maximumLength).contains(bytes.count) && bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    public static func < (a: AwardKind, b: AwardKind) -> Bool { a.rawValue < b.rawValue }

    public var description: String { rawValue }
}

/// One award kind in force: its name as people read it, whether only a member ranked first may be
/// proposed for it, and how many live proposals (neither withdrawn nor rejected) a year may hold.
public struct AwardDefinition: Hashable, Sendable {
    public var kind: AwardKind
    public var name: String
    public var onlyFirst: Bool
    public var limit: Int?

    public init(kind: AwardKind, name: String, onlyFirst: Bool, limit: Int?) {
        self.kind = kind
        self.name = name
        self.onlyFirst = onlyFirst
        self.limit = limit
    }

    /// The kinds in force without an adopted list: the Government's flag and the Prime Minister's certificate.
    public static func national(flagLimit: Int, certificateLimit: Int?) -> [AwardDefinition] {
        [AwardDefinition(kind: .governmentFlag, name: "Cờ thi đua của Chính phủ", onlyFirst: true, limit: flagLimit),
         AwardDefinition(kind: .pmCertificate, name: "Bằng khen của Thủ tướng Chính phủ", onlyFirst: false, limit: certificateLimit)]
    }
}

extension Rules {
    /// The award kinds in force under these rules: the adopted list, else the national kinds with their limits.
    public var awardKinds: [AwardDefinition] {
        awards ?? AwardDefinition.national(flagLimit: flagLimit, certificateLimit: certificateLimit)
    }

    public func award(_ kind: AwardKind) -> AwardDefinition? { awardKinds.first { $0.kind == kind } }

    /// The kinds in force, for error messages: `government-flag, pm-certificate`.
    public var awardKindList: String { awardKinds.map(\.kind.rawValue).joined(separator: ", ") }
}

extension BlocState {
    /// The name of a kind as in force in `year`; else as the latest adoption that defined it, else the national
    /// name; nil for a kind no rule ever named.
    public func awardName(_ kind: AwardKind, year: Int) -> String? {
        if let name = rules(forYear: year).award(kind)?.name { return name }
        for rules in adoptions.reversed() { if let name = rules.awards?.first(where: { $0.kind == kind })?.name { return name } }
        return AwardDefinition.national(flagLimit: 0, certificateLimit: nil).first { $0.kind == kind }?.name
    }
}
