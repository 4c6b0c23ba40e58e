extension SearchText.Occurrences {
    /// A word's places by ascending slot, kept in the arrays the passes wrote them in: one per
    /// half of the buffer when the whole buffer was read (each core fills an array of its own),
    /// one when narrowed from an earlier word's.
    ///
    /// Joined into one array, the second half's places (4–5 MB at a million issues) were moved
    /// into memory touched for the first time, on the session thread: about 2 ms of the key that
    /// lists a word's third letter. The hot loops go through `parts`; the collection is for
    /// everything else.
    struct PlaceList: RandomAccessCollection, Sendable {
        /// Non-empty, each ascending by slot, every slot of one below every slot of the next.
        let parts: [[Place]]
        let endIndex: Int
        var startIndex: Int { 0 }

        init(_ parts: [[Place]]) {
            self.parts = parts.filter { !$0.isEmpty }
            endIndex = parts.reduce(0) { $0 + $1.count }
        }

        subscript(position: Int) -> Place {
            var rest = position
            for part in parts {
                if rest < part.count { return part[rest] }
                rest -= part.count
            }
            preconditionFailure("place \(position) of \(endIndex)")
        }
    }
}
