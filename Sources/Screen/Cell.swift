/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) sits in its first cell with `width == 2`; the cell to its
/// right is a continuation (`width == 0`, empty text) that draws nothing of its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}
