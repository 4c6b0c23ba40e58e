/// `TextSearch` for a module that holds bytes, not strings: whether a lowercased needle occurs
/// in UTF-8 bytes with their ASCII capitals folded, as the free-text match searches a text
/// (`String.containsLowercased`). The on-disk index tests an issue's row with it before it
/// decodes the issue (`RowTextFilter`).
public struct FoldedBytesSearch: Sendable {
    private let search: TextSearch

    public init(lowercased needle: String) {
        search = TextSearch(Array(needle.utf8))
    }

    public func occurs(in bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.withMemoryRebound(to: UInt8.self) { search.firstIndex(in: $0) != nil }
    }
}
