/// The name lists of a snapshot being decoded (each issue's assignees, labels and reporters),
/// one array for each distinct list, which every issue holding that list shares.
///
/// A board has far fewer distinct lists than issues (a few dozen labels and users, an issue
/// names one to three), but every issue held its own arrays: 10 MB of a 100k board's memory,
/// 100 MB at a million issues. Arrays are copied on write, so an issue labelled later gets its
/// own. The table holds nothing but the lists and a hash each, in open addressing (no
/// allocation per entry: whatever it allocates while the issues' strings are decoded is left
/// as holes in the heap when it is dropped), and looks a list up by its bytes in the snapshot
/// (FNV-1a: a few dozen bytes, two lookups an issue).
struct SharedStringLists {
    /// Each distinct list once, with the hash of its encoding.
    private var lists: [[String]] = []
    private var hashes: [UInt64] = []
    /// Index + 1 into `lists`, 0 for an empty place; a power of two long, at most half full.
    private var places = [Int32](repeating: 0, count: 1024)

    /// The list encoded as `encoding` seen before, if any.
    func list(encodedAs encoding: UnsafeRawBufferPointer) -> [String]? {
        let hash = Self.hash(encoding)
        var place = Int(truncatingIfNeeded: hash) & (places.count - 1)
        while places[place] != 0 {
            let index = Int(places[place]) - 1
            if hashes[index] == hash, Self.list(lists[index], isEncodedAs: encoding) { return lists[index] }
            place = (place + 1) & (places.count - 1)
        }
        return nil
    }

    /// Keeps `list` (not found by `list(encodedAs:)`) for the lists after it.
    mutating func add(_ list: [String], encodedAs encoding: UnsafeRawBufferPointer) {
        guard lists.count < Int(Int32.max) / 2 else { return }
        if (lists.count + 1) * 2 > places.count { grow() }
        let hash = Self.hash(encoding)
        lists.append(list)
        hashes.append(hash)
        insert(Int32(lists.count), hash: hash)
    }

    private mutating func insert(_ entry: Int32, hash: UInt64) {
        var place = Int(truncatingIfNeeded: hash) & (places.count - 1)
        while places[place] != 0 { place = (place + 1) & (places.count - 1) }
        places[place] = entry
    }

    private mutating func grow() {
        places = [Int32](repeating: 0, count: places.count * 2)
        for (index, hash) in hashes.enumerated() { insert(Int32(index + 1), hash: hash) }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value ^ (value >> 29)
    }

    /// Whether `encoding` is `list` as `SnapshotWriter.strings` wrote it (names are short:
    /// comparing decodes them without allocating).
    private static func list(_ list: [String], isEncodedAs encoding: UnsafeRawBufferPointer) -> Bool {
        var reader = SnapshotReader(encoding)
        guard (try? reader.count(ofItemsSized: 1)) == list.count else { return false }
        return list.allSatisfy { (try? reader.string()) == $0 } && reader.isAtEnd
    }
}
