/// The task list of a description (`- [ ] item`, `- [x] item`): what the card counts as `3/7`.
///
/// Items are lines starting (after indentation) with `-`, `*`, `+` or `1.`/`1)`, a space and
/// `[ ]`, `[x]` or `[X]` followed by a space or the end of the line, as GitHub reads them;
/// lines inside fenced code blocks are not items.
public struct Checklist: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        /// The item's line in the text (0-based, lines split at `\n`), for whoever toggles it.
        public var line: Int
        public var isDone: Bool
    }

    public var items: [Item]

    public var done: Int { items.count { $0.isDone } }
    public var total: Int { items.count }

    public init(_ text: String) {
        items = []
        // Bytes, not Foundation's `contains` (an NSString search): every card drawn asks this.
        guard text.utf8.contains(UInt8(ascii: "[")) else { return }
        var fence: Substring?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let marker = Checklist.fenceMarker(trimmed) {
                if fence == nil { fence = marker } else if trimmed.hasPrefix(fence!) { fence = nil }
                continue
            }
            if fence == nil, let isDone = Checklist.box(trimmed) { items.append(Item(line: number, isDone: isDone)) }
        }
    }

    /// "3/7", or nil without items.
    public var summary: String? { items.isEmpty ? nil : "\(done)/\(total)" }

    /// Whether `line` (without indentation) is a task item, and if so whether it is ticked.
    static func box(_ line: Substring) -> Bool? {
        var rest = line
        if let first = rest.first, first == "-" || first == "*" || first == "+" {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let dot = rest.first, dot == "." || dot == ")" else { return nil }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        rest = rest.drop { $0 == " " }
        guard rest.count >= 3, rest.first == "[", rest.dropFirst(2).first == "]" else { return nil }
        let mark = rest.dropFirst().first!
        let after = rest.dropFirst(3)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        switch mark {
        case " ": return false
        case "x", "X": return true
        default: return nil
        }
    }

    /// The fence (three or more backticks or tildes) a line opens or closes, if it is one.
    static func fenceMarker(_ line: Substring) -> Substring? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let run = line.prefix { $0 == first }
        return run.count >= 3 ? run : nil
    }
}
