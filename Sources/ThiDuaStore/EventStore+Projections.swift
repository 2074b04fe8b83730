import GRDB
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// The stored projection of a year, read without touching the events.
    package func projection(bloc: String, year: Int) throws(StoreError) -> YearProjection? {
        try Self.translating {
            try queue.read { db in try YearProjection.load(stream: StreamID(bloc: bloc, year: year), db) }
        }
    }

    /// Years of a bloc that have projections, oldest first.
    package func years(bloc: String) throws(StoreError) -> [Int] {
        try Self.translating {
            try queue.read { db in
                try Int.fetchAll(db, sql: "SELECT year FROM year_summary WHERE bloc = ? ORDER BY year", arguments: [bloc])
            }
        }
    }

    /// Recreates every projection from the log alone, re-deciding every event; returns how many years
    /// were rebuilt. A log holding an event that breaks a rule is refused (`StoreError.altered`) and
    /// the projections are left as they were: rebuilding must not bless an altered record.
    @discardableResult
    package func rebuild() throws(StoreError) -> Int {
        try Self.translating {
            try queue.reportingFullDisk { try queue.writeWithoutTransaction { db in
                var count = 0
                try db.inTransaction(.immediate) {
                    for table in ProjectionSchema.names + ["bloc_summary"] { try db.execute(sql: "DELETE FROM \(table)") }
                    try db.execute(sql: Self.blocSummaryFromLog)
                    let fold = try LogFold.read(db)
                    if let broken = fold.firstBreak { throw StoreError.altered(position: broken.position, rule: broken.rule) }
                    for (expected, state) in fold.years {
                        try expected.write(db)
                        try YearSnapshot.write(state, version: expected.version, db)
                        count += 1
                    }
                    return .commit
                }
                return count
            } }
        }
    }

    static let blocSummaryFromLog = """
        INSERT INTO bloc_summary SELECT CAST(stream AS TEXT), \(blocName), position
        FROM event WHERE type = 'bloc.founded' ORDER BY position
        """

    /// Differences between the stored projections and a replay of the log.
    static func projectionProblems(_ db: Database, expected: [(YearProjection, YearState)]) throws -> [String] {
        var outdated: [String] = []
        return try projectionProblems(db, expected: expected, outdated: &outdated)
    }

    /// The differences; `outdated` gets the years whose snapshot is of an older layout (not a difference: the next append
    /// or `rebuild` replaces it, and appends fold the year meanwhile).
    static func projectionProblems(_ db: Database, expected: [(YearProjection, YearState)], outdated: inout [String]) throws -> [String] {
        var problems: [String] = []
        for (projection, state) in expected {
            guard let stored = try YearProjection.load(stream: projection.stream, db) else {
                problems.append("\(projection.stream): projections are missing")
                continue
            }
            if stored != projection { problems.append("\(projection.stream): \(Self.firstDifference(stored, projection))") }
            if try YearSnapshot.load(projection.stream, currentVersion: projection.version, requireSeal: false, db) != state {
                if try YearSnapshot.isOutdated(projection.stream, db) {
                    outdated.append(projection.stream.description)
                    continue
                }
                problems.append("\(projection.stream): the year's snapshot differs from the log")
            }
        }
        let blocs = try Row.fetchAll(db, sql: "SELECT IFNULL(CAST(code AS TEXT), ''), IFNULL(CAST(name AS TEXT), ''), IFNULL(CAST(position AS INTEGER), 0) FROM bloc_summary ORDER BY position")
            .map { "\($0[0] as String)|\($0[1] as String)|\($0[2] as Int64)" }
        let founded = try Row.fetchAll(db, sql: "SELECT IFNULL(CAST(stream AS TEXT), ''), \(Self.blocName), position FROM event WHERE type = 'bloc.founded' ORDER BY position")
            .map { "\($0[0] as String)|\($0[1] as String)|\($0[2] as Int64)" }
        if blocs != founded { problems.append("the list of blocs differs from the log") }
        let known = Set(expected.map(\.0.stream.description))
        for table in ProjectionSchema.names {
            let streams = try String.fetchAll(db, sql: "SELECT DISTINCT IFNULL(CAST(stream AS TEXT), '') FROM \(table)")
            for stream in streams where !known.contains(stream) {
                problems.append("\(stream): \(table) holds rows for a year the log does not have")
            }
        }
        return problems
    }

    /// A bloc.founded row's name as text, whatever the row holds: a number or an object under `name` (or data that is
    /// not JSON at all) must read as some text that differs, not stop verify with an SQL error or trap in the decoding.
    static let blocName = "IFNULL(CASE WHEN json_valid(data) THEN CAST(json_extract(data, '$.name') AS TEXT) END, '')"

    static func firstDifference(_ stored: YearProjection, _ expected: YearProjection) -> String {
        if stored.standings != expected.standings { return "standings differ from the log" }
        if stored.members != expected.members { return "members differ from the log" }
        if stored.head != expected.head || stored.deputies != expected.deputies { return "officers differ from the log" }
        if stored.elections != expected.elections { return "elections differ from the log" }
        if stored.clauses != expected.clauses || stored.signatures != expected.signatures || stored.pactInForce != expected.pactInForce {
            return "the pact differs from the log"
        }
        if stored.awards != expected.awards { return "awards differ from the log" }
        return "status or position differs from the log"
    }
}
