/// The name lists of a snapshot being decoded (each issue's assignees, labels and reporters),
/// one array for each distinct list, which every issue holding that list shares.
///
/// A board has far fewer distinct lists than issues (a few dozen labels and users, an issue
/// names one to three), but every issue held its own arrays: 10 MB of a 100k board's memory,
/// 100 MB at a million issues. Arrays are copied on write, so an issue labelled later gets its
/// own. The table holds nothing but the lists and one hash each: whatever it allocates while
/// the issues' strings are decoded is left as holes in the heap when it is dropped.
struct SharedStringLists {
    /// Each distinct list once.
    private var lists: [[String]] = []
    /// Where in `lists` is the list whose bytes in the snapshot have this hash (the first such:
    /// a later list with the same hash is simply not shared).
    private var byHash: [Int: Int32] = [:]

    /// The list encoded as `encoding` seen before, if any.
    func list(encodedAs encoding: UnsafeRawBufferPointer) -> [String]? {
        guard let index = byHash[Self.hash(encoding)], Self.list(lists[Int(index)], isEncodedAs: encoding) else { return nil }
        return lists[Int(index)]
    }

    mutating func add(_ list: [String], encodedAs encoding: UnsafeRawBufferPointer) {
        let hash = Self.hash(encoding)
        guard byHash[hash] == nil, lists.count < Int(Int32.max) else { return }
        byHash[hash] = Int32(lists.count)
        lists.append(list)
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// Whether `encoding` is `list` as `SnapshotWriter.strings` wrote it (names are short:
    /// comparing decodes them without allocating).
    private static func list(_ list: [String], isEncodedAs encoding: UnsafeRawBufferPointer) -> Bool {
        var reader = SnapshotReader(encoding)
        guard (try? reader.count(ofItemsSized: 1)) == list.count else { return false }
        return list.allSatisfy { (try? reader.string()) == $0 } && reader.isAtEnd
    }
}
