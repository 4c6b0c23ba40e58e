/// The index's tables. Everything in them is derived from the log and can be rebuilt from it;
/// `formatVersion` changes whenever their meaning does, and an index of another version is
/// rebuilt, never read. 2: `assignees_by_spelling`, without which an index of version 1 would
/// answer `resolveUsers` by reading every issue of the name. 3: `name_bits` (`NameBitsTable`),
/// without which an index of version 2 would give no issue to `assignee:X` or `label:Y`.
enum IndexSchema {
    static let formatVersion = 3

    /// Run once per connection: WAL lets readers go on while one process catches up, and a
    /// commit that a power cut loses leaves an index that is only behind the log (which is
    /// synced before anything is folded), and that catches up.
    static let pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;"

    static let tables = [
        "meta", "issues", "assignees", "labels", "users", "mentions", "imported", "issue_text", "name_bits",
    ]

    /// Names are folded (`lowercased()`, the comparison `caseInsensitiveEquals` makes) in
    /// `assignees.name`, `labels.label` and `users.name`, so an equality on them finds exactly
    /// the rows the board's own case-insensitive match would.
    static let create = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
        CREATE TABLE issues(
            number INTEGER PRIMARY KEY, "column" TEXT NOT NULL, rank REAL NOT NULL, open INT NOT NULL,
            priority INT NOT NULL, archived INT NOT NULL, deleted INT NOT NULL, created INT NOT NULL,
            updated INT NOT NULL, due INT, snoozed INT, author TEXT NOT NULL,
            data BLOB NOT NULL, events BLOB NOT NULL, seal INT NOT NULL);
        CREATE TABLE assignees(name TEXT NOT NULL, number INT NOT NULL, spelled TEXT NOT NULL,
            PRIMARY KEY(name, number, spelled)) WITHOUT ROWID;
        CREATE TABLE labels(label TEXT NOT NULL, number INT NOT NULL, PRIMARY KEY(label, number)) WITHOUT ROWID;
        CREATE TABLE users(name TEXT NOT NULL, spelled TEXT NOT NULL, PRIMARY KEY(name, spelled)) WITHOUT ROWID;
        CREATE TABLE mentions(target INT NOT NULL, source INT NOT NULL, PRIMARY KEY(target, source)) WITHOUT ROWID;
        CREATE TABLE imported(key TEXT PRIMARY KEY, number INT NOT NULL) WITHOUT ROWID;
        CREATE VIRTUAL TABLE issue_text USING fts5(title, body, tokenize='trigram');
        """ + NameBitsTable.create

    /// Made after a rebuild has filled the tables: sorting once beats inserting at random.
    static let indexes = """
        CREATE INDEX issues_by_column ON issues("column", rank, number);
        CREATE INDEX assignees_by_number ON assignees(number);
        CREATE INDEX assignees_by_spelling ON assignees(name, spelled);
        CREATE INDEX labels_by_number ON labels(number);
        """

    static var dropAll: String {
        tables.map { "DROP TABLE IF EXISTS \($0);" }.joined(separator: " ")
    }
}
