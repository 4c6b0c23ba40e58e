#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardQuery
import BoardStore

/// The free-text index (`issue_text`, FTS5 trigram), built after the rest and a slice at a time.
///
/// A rebuild leaves it out (at 100,000 issues it costs seconds that `add` after a clone should
/// not pay, at a million a minute), and no query waits for it: `list` asks it for the issues
/// it covers and reads the others' rows (`IndexFilter`, `RowTextFilter`). The meta says how far
/// it goes (`IndexMeta.textThrough`, then `textIndexed`); every write keeps the text of the
/// issues it covers (`PartialFold.write`). Each slice is one short transaction, so a write
/// waits for a slice, never for the whole build, and a build killed midway leaves the slices
/// it committed, which the next one continues.
extension BoardIndex {
    /// Whether every issue's text is in the free-text index.
    public var textIndexed: Bool { meta.textIndexed }

    /// Builds the rest of the free-text index, slice after slice, until it covers every issue.
    public func indexText() throws {
        while try !indexTextSlice() {}
    }

    /// Builds the whole free-text index now if what it lacks is small (`textBuiltAtOnce`
    /// issues): cheaper than reading every such row at each query, and it spares a small
    /// board a process in the background.
    func indexTextIfSmall() throws {
        guard meta.highestNumber - meta.textThrough <= textPart.builtAtOnce, !meta.textIndexed else { return }
        try indexText()
    }

    /// Adds the text of the next `textPart.sliceRows` issues past the mark to the free-text
    /// index, in one transaction with the mark; true once it covers every issue.
    @discardableResult
    func indexTextSlice() throws -> Bool {
        meta = try BoardIndex.usable {
            try repairing {
                try database.transaction {
                    guard var current = try IndexMeta.read(from: database) else { throw IndexDamaged() }
                    guard !current.textIndexed else { return current }
                    // Left by a text part a lanes without the mark built and then stopped keeping.
                    if current.textThrough == 0 { try database.execute("DELETE FROM issue_text") }
                    let statement = try database.statement("SELECT \(IssueRow.selected) FROM issues WHERE number > ? ORDER BY number LIMIT ?")
                        .bind(.int(current.textThrough), .int(textPart.sliceRows))
                    var rows = 0
                    while try statement.step() {
                        try IssueRow(statement).writeText(to: database)
                        current.textThrough = Int(statement.int(0))
                        rows += 1
                    }
                    if rows < textPart.sliceRows {
                        current.textIndexed = true
                        current.textThrough = 0
                    }
                    try current.write(to: database)
                    return current
                }
            }
        }
        return meta.textIndexed
    }
}

/// How the free-text index is built: its sizes, in issues (tests make them small).
struct TextPartSizes {
    /// What a query indexes itself rather than read the rows and leave it to the background
    /// (`lanes index-text`): a few milliseconds' work.
    var builtAtOnce = 1_000
    /// What one slice adds: at a million issues, about a tenth of a second of a write lock
    /// that other writers wait for.
    var sliceRows = 2_000
}

extension BoardIndex {
    /// Whether `query` asks for free text that the free-text index would narrow and the index
    /// does not cover every issue yet: the command that asked should start `lanes index-text`.
    public func lacksText(for query: Query) -> Bool {
        !meta.textIndexed && IndexFilter(query, now: .now, staleAfterDays: 0).searchesText
    }

    /// Builds the rest of the free-text index of the board at `location` at a low priority,
    /// unless another process is building one of this user's: an `flock` on the index
    /// directory, held until the index is closed (and its write-ahead log trimmed). What
    /// `lanes index-text` runs in the background, one process at a time.
    /// It stops, leaving the slices it committed, as soon as the board's log or the index file
    /// is no longer the one it started on (deleted, replaced, another board's).
    public static func indexTextAlone(_ location: BoardLocation, environment: [String: String]) throws {
        let directory = Glibc.open(IndexFile.directory(XDGDirectories(environment: environment)), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return }
        defer { close(directory) }
        guard flock(directory, LOCK_EX | LOCK_NB) == 0 else { return }
        _ = nice(10)
        let index = try open(location, environment: environment, needs: .rows)
        let file = POSIXFile.status(path: index.file.path).map { ($0.st_dev, $0.st_ino) }
        while index.stillIndexes(file), try !index.indexTextSlice() {}
    }

    /// Whether the index file is still `file` (device, inode) and the board's log still the one its meta folded.
    private func stillIndexes(_ file: (dev_t, ino_t)?) -> Bool {
        guard let file, let now = POSIXFile.status(path: self.file.path), now.st_dev == file.0, now.st_ino == file.1,
              let log = POSIXFile.status(path: location.eventsPath) else { return false }
        return UInt64(log.st_dev) == meta.device && UInt64(log.st_ino) == meta.inode
    }

    /// Where `lanes index-text` started in the background writes what goes wrong (its output goes nowhere).
    public static func textBuildLog(_ location: BoardLocation, environment: [String: String]) -> String {
        IndexFile(for: location, xdg: XDGDirectories(environment: environment)).path + "-text.log"
    }
}
