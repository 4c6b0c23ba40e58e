import BoardModel

/// A name's exact bytes as a dictionary key, as `ExactSpelling` compares them, but a name of
/// up to 15 bytes (every name a generated or real board repeats on each issue: `user3`,
/// `label-7`) packed into two words, so that looking it up hashes 16 bytes and compares two
/// words instead of walking both strings' UTF-8.
///
/// Why: a build looks up each assignee, label and author of every issue (400,000 lookups at
/// 100,000 issues); as `ExactSpelling` they were a fifth of the core that encodes the rows,
/// which is the one the build waits for. Equal keys are equal bytes: a packed key holds the
/// bytes and their count, and a longer name is never packed.
enum SpellingKey: Hashable {
    case packed(UInt64, UInt64)
    case long(ExactSpelling)

    init(_ name: String) {
        let utf8 = name.utf8
        let count = utf8.count
        // The bytes copied into two words (the count in the top byte, which 15 bytes never reach);
        // a small string's bytes are lent from where they lie, not walked one by one.
        guard count < 16, let words = utf8.withContiguousStorageIfAvailable({ bytes -> (UInt64, UInt64) in
            var words: (UInt64, UInt64) = (0, UInt64(count) << 56)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
        }) else {
            self = .long(ExactSpelling(name))
            return
        }
        self = .packed(words.0, words.1)
    }
}
