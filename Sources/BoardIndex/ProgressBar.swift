#if canImport(Glibc)
import Glibc
#endif

/// The bar a long rebuild draws on stderr ("lanes: indexing the board [######----] 60%"),
/// only when stderr is a terminal, and erased when done: a script's stderr stays clean. The
/// full-screen board draws one ("lanes: reading the board …") while it reads a log it has no
/// cache for, before the terminal is taken over.
public final class ProgressBar {
    private let enabled: Bool
    private let doing: String
    private var shown = -1

    /// A bar for work on a log of `bytes` bytes: only worth drawing for a big one.
    public init(bytes: Int, doing: String = "indexing the board") {
        enabled = bytes >= ProgressBar.minimumBytes && isatty(STDERR_FILENO) == 1
        self.doing = doing
    }

    /// Logs smaller than this (about 50,000 events) are indexed in well under a second.
    static let minimumBytes = 4 << 20

    /// Shows `fraction` (0...1) done.
    public func show(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        let filled = percent * ProgressBar.width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: ProgressBar.width - filled)
        write("\rlanes: \(doing) [\(bar)] \(percent)%")
    }

    /// Erases the bar.
    public func finish() {
        guard enabled, shown >= 0 else { return }
        write("\r\u{1B}[K")
        shown = -1
    }

    private static let width = 30

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(STDERR_FILENO, &bytes, bytes.count)
    }
}
