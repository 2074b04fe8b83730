/// The log's content-addressed documents (minh chứng, EventLog/EVENTS.md): outside the chain, each named by the
/// SHA-256 of its content, which the events that cite it carry (and chain). Kept, never changed or removed.
/// SQLite cannot hash, so it checks the form of the name and that `bytes` is the content's length; `verify`
/// hashes every document an event cites.
enum EvidenceSchema {
    static let table = """
        CREATE TABLE evidence (
          sha256 TEXT NOT NULL PRIMARY KEY CHECK (typeof(sha256) = 'text' AND length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          bytes INTEGER NOT NULL CHECK (typeof(bytes) = 'integer' AND bytes >= 0),
          mediaType TEXT CHECK (mediaType IS NULL OR (typeof(mediaType) = 'text' AND length(mediaType) BETWEEN 3 AND 255)),
          content BLOB NOT NULL CHECK (typeof(content) = 'blob' AND length(content) = bytes)
        )
        """

    static let triggers = [
        """
        CREATE TRIGGER evidence_append_only_update BEFORE UPDATE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence documents are kept as added: UPDATE refused'); END
        """,
        """
        CREATE TRIGGER evidence_append_only_delete BEFORE DELETE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence documents are kept as added: DELETE refused'); END
        """,
    ]
}
