import Screen

/// Key names as tig writes them: `j`, `<Enter>`, `<Esc>`, `<C-r>`, `<Up>`, `<Space>`, and
/// sequences such as `gg` or `<C-w>j`.
public enum KeyNotation {
    static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "backtab": .backTab, "s-tab": .backTab, "backspace": .backspace, "bs": .backspace, "delete": .delete,
        "del": .delete, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pageup": .pageUp, "pgup": .pageUp, "pagedown": .pageDown, "pgdn": .pageDown, "space": .character(" "),
        "lt": .character("<"), "gt": .character(">"), "hash": .character("#"),
    ]

    /// Parses a key sequence. Returns nil for an unknown `<name>` or an empty string.
    ///
    /// Linear in the text: a `<` looks for its `>` only when one lies ahead (else `<C-<C-<C-…`
    /// would scan the rest of the line once per `<`), and a `<name>` found either ends the
    /// sequence or is consumed whole.
    public static func parse(_ text: String) -> [Key]? {
        var keys: [Key] = []
        let lastClose = text.lastIndex(of: ">")
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let lastClose, lastClose > text.index(after: index),
               let close = text[index...].firstIndex(of: ">"), close > text.index(after: index) {
                let name = String(text[text.index(after: index)..<close])
                guard let key = parseName(name) else { return nil }
                keys.append(key)
                index = text.index(after: close)
            } else {
                keys.append(.character(character))
                index = text.index(after: index)
            }
        }
        return keys.isEmpty ? nil : keys
    }

    static func parseName(_ name: String) -> Key? {
        let lower = name.lowercased()
        if let key = named[lower] { return key }
        if lower.hasPrefix("c-"), name.count == 3, let letter = lower.last, letter.isLetter, letter.isASCII {
            return .control(letter)
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        return nil
    }

    /// The notation for one key, for help screens and error messages.
    public static func format(_ key: Key) -> String {
        switch key {
        case .character(" "): "<Space>"
        case .character("<"): "<lt>"
        case .character(let c): String(c)
        case .control(let c): "<C-\(c)>"
        case .enter: "<Enter>"
        case .escape: "<Esc>"
        case .tab: "<Tab>"
        case .backTab: "<BackTab>"
        case .backspace: "<Backspace>"
        case .delete: "<Delete>"
        case .up: "<Up>"
        case .down: "<Down>"
        case .left: "<Left>"
        case .right: "<Right>"
        case .home: "<Home>"
        case .end: "<End>"
        case .pageUp: "<PageUp>"
        case .pageDown: "<PageDown>"
        case .function(let n): "<F\(n)>"
        case .resize: "<Resize>"
        case .mouse: "<Mouse>"
        }
    }

    public static func format(_ keys: [Key]) -> String { keys.map(format).joined() }
}
