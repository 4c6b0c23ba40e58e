extension DisplayWidth {
    /// The width of `utf8` if it is plain text: printable ASCII and letters that stand alone
    /// (CJK ideographs, kana, Hangul syllables: `isLetterOfItsOwn`); nil for any other text.
    ///
    /// Every character of such text is a grapheme cluster of its own (no rule of UAX #29 joins
    /// any two of them), one column for ASCII and two for a letter, and `Sanitizer` changes none
    /// of them: so it is measured, and known to need no sanitising, in one pass over its bytes.
    /// (The titles of a big board mostly hold a word of CJK or Hangul: measuring them cluster by
    /// cluster, and the sanitiser's walk over their scalars, were most of a long table's time.)
    public static func plainWidth(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0, index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                guard isPrintableASCII(lead) else { return nil }
                width += 1
                index += 1
                continue
            }
            // The letters are all three bytes long.
            guard lead & 0xF0 == 0xE0, index + 2 < utf8.count else { return nil }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
            guard isLetterOfItsOwn(value) else { return nil }
            width += 2
            index += 3
        }
        return width
    }
}
