#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardExchange
import BoardIndex
import BoardModel
import BoardQuery
import Synchronization

/// `lanes list [QUERY…]`: the issues matching a query, as a table, JSON or CSV.
///
/// Read through the board's index (`BoardIndex.list`): what a query selects costs what it
/// selects, and JSON and CSV are written as the issues are read. Without a usable index the
/// board is read whole, as before; the output is the same byte for byte.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List issues matching a query.",
        discussion: "Query words: " + Query.words + "; prefix a word with - to negate it. Quote words with < or > for the shell: lanes list 'updated:<7d'."
    )

    @OptionGroup var options: BoardOptions
    /// `.allUnrecognized`: a negated word (`-label:bug`) is a query word, not an unknown option.
    @Argument(parsing: .allUnrecognized, help: "Query words (all must match).") var query: [String] = []
    @Option(help: "table, json or csv.") var format: ListFormat = .table

    /// Before a `--`, a word that begins with `--` is a mistyped option (`--fromat`), not a query word.
    func validate() throws {
        if let option = query.prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("Unknown option '\(option)'")
        }
    }

    /// The query's text: its words, without the `--` that ends the options (which `.allUnrecognized` keeps).
    private var text: String {
        var words = query
        if let end = words.firstIndex(of: "--") { words.remove(at: end) }
        return words.joined(separator: " ")
    }

    func run() throws {
        let clock = options.clock
        if let index = try options.openIndex(needs: .foldIfBuilt) {
            // After a clone: the index was just built from a whole read; answer from its fold.
            if let read = index.builtFrom { return try write(folded: read.state) }
            let state = index.boardState
            let parsed = try Query.parse(text, on: state, me: options.actorName, now: clock.now, zone: clock.zone)
            // Answered without the free-text index where it does not reach: built behind this, for the queries after.
            defer { if index.lacksText(for: parsed) { IndexText.startInBackground(index.location, environment: options.environment) } }
            if format == .json, try copyJSON(from: index, parsed, now: clock.now) { return }
            // The table decodes and matches rows on the core that measures them (`ListedRow`).
            let now = clock.now
            if format == .table, try writeTable(of: state, now: now, issue: { try $0.issue(shownBy: parsed, now: now) }, { each in
                try index.listRows(parsed, now: now, each)
            }) { return }
            try write(columnsOf: state, now: now) { each in try index.list(parsed, now: now, each) }
        } else {
            try write(folded: try options.open().state)
        }
    }

    /// Prints what the query shows of `state`, the board folded whole.
    private func write(folded state: BoardState) throws {
        let clock = options.clock
        let parsed = try Query.parse(text, on: state, me: options.actorName, now: clock.now, zone: clock.zone)
        try write(columnsOf: state, now: clock.now) { each in try parsed.run(on: state, now: clock.now).forEach(each) }
    }

    /// The JSON of what `query` shows, copied from the index where it can be
    /// (`BoardIndex.listJSON`): on this thread, as fast as it reads. False if it cannot, having printed nothing.
    private func copyJSON(from index: BoardIndex, _ query: Query, now: Timestamp) throws -> Bool {
        var writer = ListWriter(format: .json)
        guard try index.listJSON(query, now: now, encode: IssueJSON.object, { writer.add(json: $0) }) else { return false }
        writer.finish()
        return true
    }

    /// Table rows measured on this core before the rest go to another (`writeTable`):
    /// a list this short is done before a thread has started; past it, this core, which reads
    /// every row, should measure few (at 1,000, a tenth of its time in a list of 9,793).
    static let tableOnThisCore = 256

    /// Prints the issues `produce` passes on, in `format`: JSON and CSV as they come, the table
    /// once every row is known (its columns are as wide as their widest cell; until then it
    /// holds each row's cells, not the issue). Ages are counted to `now` (`--now`).
    private func write(columnsOf state: BoardState, now: Timestamp, _ produce: (_ each: (Issue) throws -> Void) throws -> Void) throws {
        switch format {
        case .table:
            _ = try writeTable(of: state, now: now, issue: { $0 }) { each in
                try withoutActuallyEscaping(each) { try produce($0) }
                return true
            }
        case .json, .csv:
            var stream = ListStream(format: format)
            try produce { stream.add($0) }
            stream.finish()
        }
    }

    /// Prints the table of the issues that `issue` makes of the items `produce` passes on (nil:
    /// an item that shows none). False, having printed nothing, if `produce` gave nothing
    /// (returned false) or `issue` threw for an item (the caller then reads the list again its
    /// own way).
    ///
    /// Measuring the cells is a third of a long list's time: past `List.tableOnThisCore` rows,
    /// the items go on to the other core, where they become issues and rows and from where the
    /// table is written (a short list is done sooner than a thread is started).
    private func writeTable<Item: Sendable>(of state: BoardState, now: Timestamp, issue: @escaping @Sendable (Item) throws -> Issue?,
                                            _ produce: (_ each: (Item) throws -> Void) throws -> Bool) throws -> Bool {
        let width = Output.terminalWidth
        var table = IssueTable(state: state, now: now)
        var stream: ListStream<Item>?
        var readable = true
        let unreadableThere = UnreadableFlag()
        let given = try produce { item in
            guard stream == nil else { return stream!.add(item) }
            do {
                guard readable, let shown = try issue(item) else { return }
                table.add(shown)
            } catch {
                readable = false
                return
            }
            guard table.count == List.tableOnThisCore else { return }
            stream = ListStream { [table] next in
                var table = table
                var readable = true
                while let batch = next() {
                    for item in batch where readable {
                        do {
                            if let shown = try issue(item) { table.add(shown) }
                        } catch {
                            readable = false
                        }
                    }
                }
                guard readable else { return unreadableThere.found.store(true, ordering: .sequentiallyConsistent) }
                table.render(width: width) { Output.write($0, to: STDOUT_FILENO) }
            }
        }
        guard given, readable else {
            stream?.finish()
            return false
        }
        guard var stream else {
            table.render(width: width) { Output.write($0, to: STDOUT_FILENO) }
            return true
        }
        stream.finish()
        return !unreadableThere.found.load(ordering: .sequentiallyConsistent)
    }
}

/// Set on the table's core when an item could not be read there (`List.writeTable`).
private final class UnreadableFlag: Sendable {
    let found = Atomic<Bool>(false)
}
