import BoardModel

/// The last few projections of the board, so the `/` filter rarely scans every issue, and the
/// board's sorted order, so it never sorts.
///
/// A backspace returns to a query typed a moment ago: its projection is still here. Typing
/// forward narrows an earlier result: only the issues of the narrowest cached result that the
/// new query narrows are looked at, and its free-text words are found from where the shorter
/// words occur (`SearchText.Occurrences`). Any change to the board (its version), the minute
/// (stale ages) or the swimlanes makes the entries unusable for each other.
package struct ProjectionCache {
    package struct Key: Equatable {
        package var version: Int
        package var query: Query
        package var minute: Int64
        package var swimlanes: Swimlanes

        package init(version: Int, query: Query, minute: Int64, swimlanes: Swimlanes) {
            self.version = version
            self.query = query
            self.minute = minute
            self.swimlanes = swimlanes
        }

        /// Whether `other` was computed from the same board, minute and grouping.
        func sharesBoard(with other: Key) -> Bool {
            version == other.version && minute == other.minute && swimlanes == other.swimlanes
        }
    }

    /// Most recent last, each with where its query's words occur. A handful covers a word typed
    /// and rubbed out again.
    private var entries: [(key: Key, value: BoardProjection, occurrences: [SearchText.Occurrences])] = []
    private let capacity = 8
    /// The board's issues sorted, and where each stands, for the version it was computed at.
    private var order: (version: Int, value: OrderPlaces)?
    /// The board's text for free-text search, for the version it was computed at.
    private var searchText: (version: Int, value: SearchText)?
    /// The board's text being built on another thread for the version named (`prepareSearchText`).
    private var building: (version: Int, build: SearchTextBuild)?
    /// The letters after the filter's last word, being worked out between keys (`prepareNextKey`).
    private(set) var nextLetters: NextLettersWork?
    /// Each issue's swimlane band, for the version and grouping it was computed at.
    private var bands: (version: Int, value: BandIndex)?

    /// Past this many changed issues, the order and search text are rebuilt rather than updated.
    private let updateLimit = 1_000

    package init() {}

    /// The projection for `key` (whose version is `board.version`), computing it (from the
    /// narrowest usable earlier result and the board's sorted order) if needed. The order, search
    /// text and bands kept for an earlier version are updated with the issues changed since
    /// (`board.changedIssues(since:)`), or rebuilt if those are unknown or too many.
    /// `compute`'s `narrowing` is the earlier projection the query narrows (see
    /// `BoardProjection.init`), if any.
    package mutating func projection(for key: Key, board: ObservableBoard,
                             compute: (_ candidates: [Int]?, _ order: OrderPlaces, _ searchText: SearchText?, _ bands: BandIndex?,
                                       _ narrowing: BoardProjection?) -> BoardProjection)
        -> BoardProjection {
        if let index = entries.lastIndex(where: { $0.key == key }) {
            let hit = entries.remove(at: index)
            entries.append(hit)
            return hit.value
        }
        entries.removeAll { !$0.key.sharesBoard(with: key) }
        let state = board.state
        // The smallest earlier result this query narrows: only its issues (shown or waiting) can match.
        let narrowing = entries
            .filter { key.query.narrows($0.key.query) }
            .min { $0.value.list.count < $1.value.list.count }?.value
        var candidates: [Int]?
        // After a move or another writer's change, only the changed issues are re-placed.
        if let current = order, current.value.order.sort == key.query.sort {
            if current.version != key.version {
                if let changed = board.changedIssues(since: current.version), changed.count <= updateLimit {
                    order = (key.version, OrderPlaces(current.value.order.updating(changed, in: state)))
                } else {
                    order = (key.version, OrderPlaces(IssueOrder(state: state, sort: key.query.sort)))
                }
            }
        } else {
            order = (key.version, OrderPlaces(IssueOrder(state: state, sort: key.query.sort)))
        }
        let hasText = key.query.terms.contains { if case .text = $0.condition { true } else { false } }
        if hasText {
            finishSearchText()
            updateSearchText(board: board)
            if searchText == nil { searchText = (key.version, SearchText(state: state)) }
        }
        if key.swimlanes != .none {
            if let current = bands, current.value.swimlanes == key.swimlanes {
                if current.version != key.version {
                    if let changed = board.changedIssues(since: current.version), changed.count <= updateLimit {
                        bands = (key.version, current.value.updating(changed, in: state))
                    } else {
                        bands = (key.version, BandIndex(state: state, swimlanes: key.swimlanes))
                    }
                }
            } else {
                bands = (key.version, BandIndex(state: state, swimlanes: key.swimlanes))
            }
        }
        var text = hasText ? searchText?.value : nil
        if let found = text {
            // A word grown by a letter since the last key is read off the letters worked out meanwhile.
            let kept = entries.flatMap(\.occurrences)
            let letters = takeNextLetters(for: found, query: key.query, earlier: kept)
            text?.following = letters.map { [$0] } ?? []
            let earlier = kept + (letters?.occurrences.map { [$0] } ?? [])
            var required: SearchText.Occurrences?
            text?.occurrences = key.query.terms.compactMap { term in
                // A word read off the letters is not listed now: its places are listed between keys.
                guard case .text(let needle) = term.condition, SearchText.canSearch(needle), letters?.answers(Array(needle.utf8)) != true,
                      let occurrences = found.occurrences(of: needle, from: earlier) else { return nil }
                if !term.negated, occurrences.count < required?.count ?? Int.max { required = occurrences }
                return occurrences
            }
            // The shorter word's places stay, for a key that comes before the next ones are listed.
            text?.occurrences += letters?.occurrences.map { [$0] } ?? []
            // Only the issues a word occurs in can match (once typed on, fewer than the earlier
            // result). Not listed when the earlier result is fewer still and is looked at instead
            // (`BoardProjection.init`'s `fewest`): at a million issues the list of numbers was a
            // new 5 MB array a key, faulted in and never read.
            let fewer = narrowing.map { $0.matching + $0.waitingMatches.count < min(required?.count ?? Int.max, state.issues.count / 2) } ?? false
            // Nor when so many that the projection reads every slot's flag instead.
            let most = BoardProjection.mostCandidates(decided: key.query.isAnsweredBoardWide, issues: state.issues.count)
            if let required, !fewer, required.count < most { candidates = found.issues(holding: required, in: state) }
        }
        let value = compute(candidates, order!.value, text, key.swimlanes != .none ? bands?.value : nil, narrowing)
        entries.append((key, value, text?.occurrences ?? []))
        // The oldest goes, but never the board without a filter while it is current: <Esc>
        // after a word of more than `capacity` letters returns to it without a pass over every issue.
        if entries.count > capacity, let oldest = entries.firstIndex(where: { !$0.key.query.isEmpty }) {
            entries.remove(at: oldest)
        }
        return value
    }

    /// Starts building the board's search text on another thread unless it is kept (or can be
    /// updated) for the board's version: the session calls this when the `/` prompt opens, so
    /// that the first text key finds it built.
    package mutating func prepareSearchText(board: ObservableBoard) {
        guard building == nil else { return }
        updateSearchText(board: board)
        if searchText == nil { building = (board.version, SearchTextBuild(state: board.state)) }
    }

    /// Starts working out, on other threads, the letters that follow `query`'s last free-text
    /// word in each text, so that the next key, if it grows that word by a letter, is answered
    /// from them (`NextLetters`). The session calls this after each message with the open `/`
    /// prompt's query, and with nil once it closes, which frees them (8 B an issue).
    package mutating func prepareNextKey(for query: Query?) {
        let word = query?.terms.last { term in
            if case .text(let needle) = term.condition { !needle.isEmpty && SearchText.canSearch(needle) } else { false }
        }
        guard building == nil, let text = searchText?.value, case .text(let needle)? = word?.condition else {
            nextLetters?.stop()
            nextLetters = nil
            return
        }
        let pin = Array(needle.utf8)
        if let work = nextLetters, work.needle == pin, work.bytes === text.bytes { return }
        nextLetters?.stop()
        nextLetters = NextLettersWork(text: text, needle: pin)
    }

    /// How long a key that has a way around the whole buffer waits for letters nearly worked out.
    static let nextLettersPatience = Duration.milliseconds(15)
    /// How long a key that would otherwise read the whole buffer waits for them: the wait and
    /// the answer after it must cost less than a pass of its own (25–35 ms at a million issues,
    /// idle); at 40 ms the second letter typed back to back took 41–51 ms instead of 24–26.
    static let nextLettersPatienceInsteadOfAPass = Duration.milliseconds(20)

    /// The letters worked out for `text` since the last key, if done (or nearly); the work is
    /// stopped otherwise. A key they answer that would otherwise read the whole buffer
    /// (`readsWhole`) waits longer: the rest of their pass can cost less than a pass of its own.
    private mutating func takeNextLetters(for text: SearchText, query: Query, earlier: [SearchText.Occurrences]) -> SearchText.NextLetters? {
        guard let work = nextLetters else { return nil }
        let reads = query.terms.contains { term in
            guard case .text(let needle) = term.condition, SearchText.canSearch(needle) else { return false }
            let pin = Array(needle.utf8)
            return work.answers(pin) && text.readsWhole(for: pin, from: earlier)
        }
        guard work.bytes === text.bytes,
              let letters = work.value(waitingUpTo: reads ? ProjectionCache.nextLettersPatienceInsteadOfAPass : ProjectionCache.nextLettersPatience) else {
            work.stop()
            nextLetters = nil
            return nil
        }
        return letters
    }

    /// Takes the text being built, waiting for it if need be. Called before the board changes
    /// (the building thread holds its issues: a change meanwhile would copy them all) and
    /// before the text is read.
    package mutating func finishSearchText() {
        guard let pending = building else { return }
        building = nil
        searchText = (pending.version, pending.build.value())
    }

    /// Brings the kept search text to the board's version with the issues changed since, or
    /// drops it if those are unknown or too many.
    private mutating func updateSearchText(board: ObservableBoard) {
        guard let current = searchText, current.version != board.version else { return }
        if let changed = board.changedIssues(since: current.version), current.value.stale.count + changed.count <= updateLimit {
            searchText = (board.version, current.value.updating(changed, in: board.state))
        } else {
            searchText = nil
        }
    }
}
