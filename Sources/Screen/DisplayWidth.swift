/// Terminal display width of text, measured one way everywhere.
///
/// Terminals and ncurses decide cell widths per code point (wcwidth); a grid that disagrees with
/// them pushes borders out of place. This follows UAX #11: East Asian Wide and Fullwidth
/// characters and emoji presentation take two columns, combining marks and format characters
/// none. A grapheme cluster takes the width of its base character, widened to two by an emoji
/// presentation selector (U+FE0F).
public enum DisplayWidth {
    /// Width of a single scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) { return 0 } // Hangul medial vowels and final consonants
        if isWide(v) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Width of one grapheme cluster as Lanes draws it (see `drawable`).
    public static func of(_ character: Character) -> Int {
        drawable(character).width
    }

    /// What Lanes sends to the terminal for one grapheme cluster, and how wide it is.
    ///
    /// Terminals and ncurses measure a cell by its first code point (wcwidth) and disagree about
    /// everything built on top: ZWJ sequences (👩‍💻), skin-tone modifiers, flags, emoji
    /// presentation selectors. Drawing those whole would push borders out of place on some
    /// terminal, so a cluster is drawn as its first code point plus its combining marks, and a
    /// flag (two regional indicators) as its two letters (🇯🇵 → JP). The width is then the same
    /// in our grid, in ncurses and in the terminal.
    public static func drawable(_ character: Character) -> (text: String, width: Int) {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return ("", 0) }
        if character.isASCII { return (String(character), first.value < 0x20 || first.value == 0x7F ? 0 : 1) }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex, !isRegionalIndicator(first) {
            // One code point (most CJK and accented text): drawn as it is, unless it has no width.
            let width = of(first)
            if width > 0 { return (String(character), width) }
        }
        if isRegionalIndicator(first) {
            let letters = scalars.filter(isRegionalIndicator).prefix(2)
                .map { Character(Unicode.Scalar(UInt8($0.value - 0x1F1E6 + 65))) }
            return (String(letters), letters.count)
        }
        let base = of(first)
        if base == 0 {
            // A cluster that starts with a mark (no base character) still takes a cell.
            return scalars.count > 1 || first.value >= 0x300 ? ("\u{25CC}" + String(String.UnicodeScalarView(scalars)), 1) : ("", 0)
        }
        var text = String.UnicodeScalarView([first])
        for scalar in scalars.dropFirst() {
            if scalar.value == 0x200D { break } // the rest of a ZWJ sequence is not drawn
            if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) { continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark:
                text.append(scalar)
            default:
                continue // variation selectors, modifiers and other spacing parts are dropped
            }
        }
        return (String(text), base)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Width of a string: the sum of its grapheme clusters.
    public static func of(_ text: some StringProtocol) -> Int {
        if let width = text.utf8.withContiguousStorageIfAvailable({ asciiWidth($0) }) ?? asciiWidth(text.utf8) { return width }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width of ASCII text, byte by byte: 1 for each printable byte, 0 for a control byte (what
    /// `drawable` gives each ASCII cluster, CR LF included); nil for text that is not all ASCII.
    ///
    /// Most titles, names and labels are ASCII, and a frame measures hundreds of them: walking
    /// them grapheme by grapheme was most of the time a frame of cards or activity took.
    static func asciiWidth(_ bytes: some Collection<UInt8>) -> Int? {
        var width = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if isPrintableASCII(byte) { width += 1 }
        }
        return width
    }

    /// Whether `byte` (ASCII) takes a cell: not a control character.
    @inline(__always)
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix(_ text: String, fitting width: Int) -> (text: Substring, width: Int) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: one byte is one cluster (CR LF is two of width 0, never cut apart below).
            var used = 0, end = 0
            for byte in text.utf8 {
                let w = isPrintableASCII(byte) ? 1 : 0
                if used + w > width { break }
                used += w
                end += 1
            }
            return (text[..<text.utf8.index(text.startIndex, offsetBy: end)], used)
        }
        // Mixed text: each ASCII byte followed by another ASCII byte (or by nothing) is a cluster of
        // its own, CR LF excepted, so only the clusters at non-ASCII text are walked as clusters
        // (titles with a word of CJK or an emoji were measured cluster by cluster to their end).
        let bytes = text.utf8
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let byte = bytes[end]
            let next = bytes.index(after: end)
            if byte < 0x80, next == bytes.endIndex || bytes[next] < 0x80, byte != 13 || next == bytes.endIndex || bytes[next] != 10 {
                let w = isPrintableASCII(byte) ? 1 : 0
                if used + w > width { break }
                used += w
                end = next
                continue
            }
            if let (after, scalar) = singleScalarCluster(bytes, at: end) {
                // `drawable` of a one-scalar cluster, found without breaking the text into clusters;
                // a CJK, kana or Hangul letter is wide (`isWide`) without asking its category.
                let w = isLetterOfItsOwn(scalar.value) ? 2 : of(scalar)
                if w > 0 {
                    if used + w > width { break }
                    used += w
                    end = after
                    continue
                }
            }
            let w = of(text[end])
            if used + w > width { break }
            used += w
            end = text.index(after: end)
        }
        return (text[text.startIndex..<end], used)
    }

    /// The cluster at `index` (where one starts) when it is a single CJK ideograph, kana or Hangul
    /// syllable, or a common emoji, followed by ASCII, nothing, or one of the first three: no rule
    /// of UAX #29 joins these to what follows, nor ASCII or such a character to them. Nil for any
    /// other. (Titles hold such words: breaking them into clusters was most of the time `lanes
    /// list` took to measure a long table.)
    private static func singleScalarCluster(_ bytes: String.UTF8View, at index: String.Index) -> (end: String.Index, scalar: Unicode.Scalar)? {
        guard let (after, value) = scalar(bytes, at: index),
              isLetterOfItsOwn(value) || (0x1F300...0x1F6FF).contains(value) && !(0x1F3FB...0x1F3FF).contains(value)
                || (0x1F900...0x1F9FF).contains(value)
        else { return nil }
        guard after == bytes.endIndex || bytes[after] < 0x80 || scalar(bytes, at: after).map({ isLetterOfItsOwn($0.value) }) == true else {
            return nil
        }
        return (after, Unicode.Scalar(value)!)
    }

    /// CJK ideographs, hiragana, katakana (their combining marks apart) and Hangul syllables:
    /// letters that never extend a cluster, nor are extended by ASCII or one another.
    static func isLetterOfItsOwn(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) || (0x3041...0x3096).contains(value)
            || (0x30A1...0x30FA).contains(value)
    }

    /// The scalar of three or four UTF-8 bytes at `index` and where it ends; nil for any other.
    private static func scalar(_ bytes: String.UTF8View, at index: String.Index) -> (end: String.Index, value: UInt32)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 0
        guard length > 0 else { return nil }
        var value = UInt32(lead & (length == 4 ? 0x07 : 0x0F))
        var position = bytes.index(after: index)
        for _ in 1..<length {
            value = value << 6 | UInt32(bytes[position] & 0x3F)
            position = bytes.index(after: position)
        }
        return (position, value)
    }

    /// Cuts `text` to `width` columns, ending with "…" when anything was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Whether it all fits, found by walking no further than `width` columns: a long comment
        // cut to one line is not measured to its end.
        if prefix(text, fitting: width).text.endIndex == text.endIndex { return text }
        let cut = prefix(text, fitting: width - 1)
        return String(cut.text) + "…"
    }

    /// Greedy word wrap by display width; a word longer than a line is split by grapheme.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var rest = String(word)
                var restWidth = of(rest)
                if lineWidth > 0, lineWidth + 1 + restWidth <= width {
                    line += " " + rest
                    lineWidth += 1 + restWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while restWidth > width {
                    let head = prefix(rest, fitting: width)
                    if head.text.isEmpty { break } // a 2-wide character in a 1-wide column
                    lines.append(String(head.text))
                    rest = String(rest[head.text.endIndex...])
                    restWidth = of(rest)
                }
                line = rest
                lineWidth = restWidth
            }
            lines.append(line)
        }
        return lines
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
             0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
