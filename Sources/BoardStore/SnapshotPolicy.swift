/// When a board is opened from its snapshot (`.lanes/cache`) and when one is written.
public struct SnapshotPolicy: Sendable {
    public var enabled: Bool
    /// Logs smaller than this are always read whole: they load in a few milliseconds anyway,
    /// and a cache file would only be one more thing in `.lanes/`.
    public var minimumBytes: Int
    /// A snapshot is used while at most this many bytes were appended after it; past that the
    /// log is read whole once and a new snapshot written, so the tail read on open stays short.
    public var maximumTail: Int

    /// Whether a snapshot made by a full read waits for `EventLog.writePendingSnapshot()`:
    /// the full-screen board draws its first frame first (about a quarter of a second sooner
    /// at 100,000 issues), then writes it.
    public var writesAfterFirstFrame: Bool

    public init(enabled: Bool = true, minimumBytes: Int = 4 << 20, maximumTail: Int = 8 << 20,
                writesAfterFirstFrame: Bool = false) {
        self.enabled = enabled
        self.minimumBytes = minimumBytes
        self.maximumTail = maximumTail
        self.writesAfterFirstFrame = writesAfterFirstFrame
    }

    public static let standard = SnapshotPolicy()
    /// For the full-screen board.
    public static let interactive = SnapshotPolicy(writesAfterFirstFrame: true)
    /// Read the whole log: for `check` and for commands that need every event anyway (`export`).
    public static let off = SnapshotPolicy(enabled: false)
}
