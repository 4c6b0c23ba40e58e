import BoardModel

extension BoardProjection {
    /// The places of the matches among some slots, when every term is answered for every slot
    /// beforehand (free text from `SearchText`, `combinedAnswers`): a flag read and three bits
    /// set a match, nothing else.
    ///
    /// At a million issues a keystroke's projection sets bits for hundreds of thousands of
    /// matches, a third of the keystroke: the board's slots are split in two and each half's
    /// bits set in sets of its own on a core of its own (`BothCores`), then merged. A match that
    /// must be read (hidden or snoozed: a handful) is left to the projection's own loop on this
    /// thread, which reads the issue as before.
    struct DecidedPlaces {
        var board: PlaceSet
        var listed: PlaceSet
        var stale: PlaceSet
        /// The matching slots whose issue must be read (hidden or snoozed), ascending.
        var flagged: [Int]

        /// The matches among the slots of `part`: indices into `fewest` (numbers) if given, else slots.
        init(places: OrderPlaces, decided: [Bool], staleBefore: Int64, state: BoardState, fewest: [Int]?, part: Range<Int>) {
            let facts = places.order.facts
            var board = PlaceSet(places: places.laneStarts.last!), listed = PlaceSet(places: places.order.list.count)
            var stale = PlaceSet(places: places.laneStarts.last!)
            var flagged: [Int] = []
            let flags = facts.flags, openUpdated = facts.openUpdated
            let boardPlaces = places.boardPlaces, listPlaces = places.listPlaces
            board.inserting { keepOnBoard in
                listed.inserting { keepInList in
                    stale.inserting { keepStale in
                        // Every slot's bits are written, a match's as 1 and any other's as 0:
                        // whether a slot matches is as good as random (a word typed matches about
                        // half the board), and a branch on it cost a misprediction every other
                        // slot (at a million issues 8.5–11 ms a key on one core; 4.5–6.6 without).
                        func consider(_ slot: Int) {
                            let match: UInt64 = decided[slot] ? 1 : 0
                            // A handful: a branch that is almost never taken costs nothing.
                            if match & (flags[slot] != 0 ? 1 : 0) != 0 { return flagged.append(slot) }
                            let place = Int(boardPlaces[slot])
                            keepOnBoard(place, if: match)
                            keepInList(Int(listPlaces[slot]), if: match)
                            keepStale(place, if: match & (openUpdated[slot] < staleBefore ? 1 : 0))
                        }
                        if let fewest {
                            for number in fewest[part] { if let slot = state.issues.slot(of: number) { consider(slot) } }
                        } else {
                            for slot in part { consider(slot) }
                        }
                    }
                }
            }
            (self.board, self.listed, self.stale, self.flagged) = (board, listed, stale, flagged)
        }

        /// The matches of `count` slots (or of `fewest`, if given), found on both cores.
        static func onBothCores(count: Int, places: OrderPlaces, decided: [Bool], staleBefore: Int64, state: BoardState,
                                fewest: [Int]?) -> DecidedPlaces {
            var parts = BothCores.map([0..<count / 2, count / 2..<count]) { part in
                DecidedPlaces(places: places, decided: decided, staleBefore: staleBefore, state: state, fewest: fewest, part: part)
            }
            parts[0].board.formUnion(parts[1].board)
            parts[0].listed.formUnion(parts[1].listed)
            parts[0].stale.formUnion(parts[1].stale)
            parts[0].flagged += parts[1].flagged
            return parts[0]
        }
    }

    /// From this many slots to consider, a projection whose terms are all answered beforehand
    /// sets its bits on both cores (below, handing half over costs about what it saves).
    static let twoCoresFrom = 1 << 16

    /// The most candidates a projection reaches by number when every term is answered
    /// beforehand (`decided`): past a quarter of the board, reading every slot's flag in order
    /// costs less than finding each candidate's slot.
    static func mostCandidates(decided: Bool, issues: Int) -> Int {
        decided ? issues / 4 : Int.max
    }
}
