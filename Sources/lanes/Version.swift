/// What `lanes --version` prints. Bumped when a release is tagged; the log's own format
/// version is separate (docs/store-format.md) and is what old boards are checked against.
enum LanesVersion {
    static let current = "0.1.0"
}
