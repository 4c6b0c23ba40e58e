/// An issue's description or title: held as a string, or left where it lies in a file and read
/// back when asked (a board opened from its cache, `BoardStore.CachedTexts`).
///
/// Descriptions and titles are the largest things a board holds that its screen does not show:
/// 15 and 8 MB of a 100,000-issue board's memory, 150 and 79 MB at a million issues. A view
/// reads the few it shows (the open issue, the cards' titles and checklists); a change or a new
/// text is held.
package enum IssueBody: Hashable, Sendable {
    case held(String)
    /// Where it lies in `texts` (`StoredTexts.span`).
    case stored(StoredTexts, span: UInt64)

    package var text: String {
        switch self {
        case .held(let text): text
        case .stored(let texts, let span): texts.text(span)
        }
    }

    /// Equal when the texts are, wherever they are kept.
    package static func == (a: IssueBody, b: IssueBody) -> Bool { a.text == b.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// Texts kept in a file rather than in memory, each read back by its span: its offset in the
/// file (40 bits) and its length in bytes (24 bits).
package final class StoredTexts: Sendable {
    private let source: any StoredTextSource

    package init(_ source: any StoredTextSource) { self.source = source }

    /// The span of `length` bytes at `offset`, or nil if either is too large to keep in one
    /// (such a text is held instead).
    package static func span(offset: Int, length: Int) -> UInt64? {
        guard offset >= 0, offset < 1 << 40, length >= 0, length < 1 << 24 else { return nil }
        return UInt64(offset) << 24 | UInt64(length)
    }

    /// The offset and length a span names.
    package static func place(of span: UInt64) -> (offset: Int, length: Int) { (Int(span >> 24), Int(span & 0xFF_FFFF)) }

    func text(_ span: UInt64) -> String {
        let (offset, length) = StoredTexts.place(of: span)
        return source.text(at: offset, length: length)
    }

    /// A reader of many of these texts for one thread (see `StoredTextScan`).
    package func scan() -> any StoredTextScan { source.scan() }
}

/// Where stored texts are kept (`BoardStore.CachedTexts`).
package protocol StoredTextSource: Sendable {
    /// The `length` bytes at `offset` as text (invalid UTF-8 repaired; empty if the file is shorter).
    func text(at offset: Int, length: Int) -> String
    /// A reader of its own, for one thread.
    func scan() -> any StoredTextScan
}

/// Stored texts read by one thread, many of them, in the order they lie (a search text's build,
/// each core a range of issues): with a reader each, two threads do not take turns moving one
/// read window over each other's texts, and the UTF-8 is handed over without making a `String`.
package protocol StoredTextScan {
    /// The UTF-8 of the text at `span`, exactly as `IssueBody.text` gives it, valid until the
    /// next call; nil if this scan cannot vouch for it (the file was changed in place since it
    /// was checked: `IssueBody.text` repairs what it reads).
    mutating func utf8(_ span: UInt64) -> UnsafeBufferPointer<UInt8>?
}

/// The text, held or stored (tests compare issues by their text).
extension IssueBody: CustomStringConvertible {
    package var description: String { String(reflecting: text) }
}
