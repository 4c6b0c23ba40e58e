extension String {
    /// Whether the two spellings name the same thing, ignoring case (user names, labels).
    ///
    /// In the domain module, not with the query code, because the board's own user and label
    /// resolution needs it; inlinable because the filter and triage call it per issue.
    @inlinable
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        if self == other { return true }
        return String.asciiEqualIgnoringCase(self, other) ?? (lowercased() == other.lowercased())
    }

    /// For two ASCII spellings, whether their bytes are equal with ASCII capitals folded: what
    /// comparing them lowercased gives (canonical equivalence equates no two ASCII strings),
    /// without making the lowercased copies (a `list` of assignees and labels compares
    /// thousands); nil if either is not all ASCII.
    @usableFromInline
    static func asciiEqualIgnoringCase(_ first: String, _ second: String) -> Bool? {
        var first = first, second = second
        return first.withUTF8 { a in
            second.withUTF8 { b -> Bool? in
                guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard a.count == b.count else { return false }
                for index in 0..<a.count where a[index] != b[index] {
                    guard a[index] | 0x20 == b[index] | 0x20, (0x61...0x7A).contains(a[index] | 0x20) else { return false }
                }
                return true
            }
        }
    }
}
