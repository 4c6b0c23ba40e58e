/// Which issues name which (`#12`) in a title, description or comment: references, computed
/// from the events as they are folded, with no events of their own.
///
/// Like GitHub's cross-references, a mention stays once made: editing the text later does not
/// take it back (the timeline still shows the text that made it). Kept both ways and sorted,
/// so the issue view lists "mentioned in" without reading any text, and the `/` filter never
/// looks at it.
public struct MentionIndex: Sendable, Equatable {
    /// For each issue, the issues whose text names it, in ascending order.
    package private(set) var mentionedIn: [Int: [Int]] = [:]
    /// For each issue, the issues its own text names, in ascending order.
    package private(set) var mentioning: [Int: [Int]] = [:]

    public init() {}

    /// The issues whose title, description or comments name `number`.
    public func issues(mentioning number: Int) -> [Int] { mentionedIn[number] ?? [] }

    /// The issues that `number`'s title, description or comments name.
    public func issues(mentionedBy number: Int) -> [Int] { mentioning[number] ?? [] }

    /// Records the references in `text`, written on issue `source` (a mention of itself is not one).
    mutating func record(from source: Int, text: String) {
        for target in MentionIndex.references(in: text) where target != source { add(source, target) }
    }

    /// Adds one reference (a snapshot reads them back through this).
    package mutating func add(_ source: Int, _ target: Int) {
        MentionIndex.insertSorted(target, into: &mentioning[source, default: []])
        MentionIndex.insertSorted(source, into: &mentionedIn[target, default: []])
    }

    /// Every (source, target) pair, sources ascending: what a snapshot stores.
    package var pairs: [(source: Int, target: Int)] {
        mentioning.keys.sorted().flatMap { source in mentioning[source]!.map { (source, $0) } }
    }

    private static func insertSorted(_ value: Int, into values: inout [Int]) {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        if low == values.count || values[low] != value { values.insert(value, at: low) }
    }

    /// The issue numbers `#N` names in `text`: a `#` not after a letter, digit or `&` (so
    /// `C#`, `abc#1` and `&#38;` are not references), then one to nine digits not followed by a
    /// letter or digit. Byte by byte, without allocating unless a `#` is found.
    public static func references(in text: String) -> [Int] {
        var found: [Int] = []
        if text.utf8.withContiguousStorageIfAvailable({ scan($0, into: &found) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { scan($0, into: &found) }
        }
        return found
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [Int]) {
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte >= 0x80
        }
        var next = 0
        // From one `#` to the next (most texts hold none: one `memchr` over them).
        while let index = bytes.firstIndex(ofByte: UInt8(ascii: "#"), from: next) {
            next = index + 1
            if index > 0, isWordByte(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "&") { continue }
            var end = index + 1
            var value = 0
            while end < bytes.count, end - index <= 9, bytes[end] >= 48, bytes[end] <= 57 {
                value = value * 10 + Int(bytes[end] - 48)
                end += 1
            }
            guard end > index + 1, end == bytes.count || !isWordByte(bytes[end]), value > 0 else { continue }
            if !found.contains(value) { found.append(value) }
            next = end
        }
    }
}
