/// The name lists of a snapshot being decoded (each issue's assignees and labels), one array
/// for each distinct list, which every issue holding that list shares.
///
/// A board has few distinct lists (a few dozen labels and users, an issue names one to three),
/// but 100,000 issues each held their own two arrays: 10 MB of a 100k board's memory, 100 MB at
/// a million issues. Arrays are copied on write, so an issue later labelled gets its own.
struct SharedStringLists {
    private struct Entry {
        let encoding: [UInt8]
        let list: [String]
    }

    /// Entries by a hash of their bytes in the snapshot: an equal list is found without
    /// decoding (or allocating) anything.
    private var entries: [Int: [Entry]] = [:]

    /// The list encoded as `encoding` seen before, if any.
    func list(encodedAs encoding: UnsafeRawBufferPointer) -> [String]? {
        entries[Self.hash(encoding)]?.first { $0.encoding.elementsEqual(encoding) }?.list
    }

    mutating func add(_ list: [String], encodedAs encoding: UnsafeRawBufferPointer) {
        entries[Self.hash(encoding), default: []].append(Entry(encoding: Array(encoding), list: list))
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}
