/// Tables of the inline projections (§4): derived from the log, rewritten per year in the append
/// transaction, recreated by `rebuild`, compared with a replay by `verify`.
enum ProjectionSchema {
    static let tables = [
        """
        CREATE TABLE year_summary (
          stream TEXT PRIMARY KEY,
          bloc TEXT NOT NULL,
          year INTEGER NOT NULL,
          position INTEGER NOT NULL, -- the year's latest event
          version INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('unopened', 'open', 'finalized', 'closed')),
          head TEXT,
          deputies TEXT NOT NULL CHECK (json_valid(deputies)),
          pact_in_force INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE year_member (
          stream TEXT NOT NULL, ord INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, active INTEGER NOT NULL,
          PRIMARY KEY (stream, code)
        )
        """,
        """
        CREATE TABLE year_standing (
          stream TEXT NOT NULL, ord INTEGER NOT NULL, rank INTEGER NOT NULL, member TEXT NOT NULL, name TEXT NOT NULL,
          base INTEGER NOT NULL, bonus INTEGER NOT NULL, penalty INTEGER NOT NULL, total INTEGER NOT NULL, -- hundredths of a point
          complete INTEGER NOT NULL,
          PRIMARY KEY (stream, member)
        )
        """,
        """
        CREATE TABLE year_election (
          stream TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, office TEXT NOT NULL, seats INTEGER NOT NULL,
          method TEXT NOT NULL, award TEXT, candidates TEXT NOT NULL, ballots INTEGER NOT NULL, tally TEXT NOT NULL,
          status TEXT NOT NULL, outcome TEXT NOT NULL, elected TEXT NOT NULL,
          PRIMARY KEY (stream, id)
        )
        """,
        """
        CREATE TABLE year_pact_clause (
          stream TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL,
          PRIMARY KEY (stream, number)
        )
        """,
        """
        CREATE TABLE year_pact_signature (
          stream TEXT NOT NULL, ord INTEGER NOT NULL, member TEXT NOT NULL, signatory TEXT NOT NULL, title TEXT,
          PRIMARY KEY (stream, member)
        )
        """,
        """
        CREATE TABLE year_award (
          stream TEXT NOT NULL, ord INTEGER NOT NULL, member TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
          basis TEXT, election TEXT, decision TEXT, date TEXT,
          PRIMARY KEY (stream, member)
        )
        """,
    ]

    /// Tables added with snapshots: the blocs, and each year's whole state so appends need not fold it.
    static let resumeTables = [
        """
        CREATE TABLE bloc_summary (
          code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL -- where it was founded
        )
        """,
        """
        CREATE TABLE year_snapshot (
          stream TEXT PRIMARY KEY,
          version INTEGER NOT NULL, -- the stream version the state includes
          state TEXT NOT NULL CHECK (json_valid(state))
        )
        """,
    ]

    /// Tables holding one year's rows each, keyed by `stream`.
    static let names = ["year_summary", "year_member", "year_standing", "year_election", "year_pact_clause",
                        "year_pact_signature", "year_award", "year_snapshot"]
}
