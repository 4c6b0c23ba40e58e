extension String {
    /// Whether the two spellings name the same thing, ignoring case (user names, labels).
    ///
    /// In the domain module, not with the query code, because the board's own user and label
    /// resolution needs it; inlinable because the filter and triage call it per issue.
    @inlinable
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        self == other || lowercased() == other.lowercased()
    }
}
