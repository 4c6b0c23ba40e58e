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
    private let columns: Int

    /// A bar for work on a log of `bytes` bytes: only worth drawing for a big one.
    public init(bytes: Int, doing: String = "indexing the board") {
        enabled = bytes >= ProgressBar.minimumBytes && isatty(STDERR_FILENO) == 1
        self.doing = doing
        columns = enabled ? ProgressBar.terminalColumns() : 0
    }

    /// Logs smaller than this (about 50,000 events) are indexed in well under a second.
    static let minimumBytes = 4 << 20

    /// Shows `fraction` (0...1) done.
    public func show(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        write("\r" + ProgressBar.line(doing: doing, percent: percent, columns: columns))
    }

    /// The line drawn at `percent`, narrower than `columns`: a line as wide as the terminal
    /// wraps, and each redraw's `\r` then returns to the wrapped part, so a 40-column terminal
    /// filled with copies of the bar. The bar narrows (30 cells at most); with no room for five
    /// cells only the words and the percentage are drawn, or the percentage alone.
    static func line(doing: String, percent: Int, columns: Int) -> String {
        let words = "lanes: \(doing)", percentage = " \(percent)%"
        let room = columns - 1 - words.count - " [] 100%".count
        let width = min(ProgressBar.width, room)
        guard width >= 5 else {
            return words.count + percentage.count < columns ? words + percentage : String(percentage.dropFirst())
        }
        let filled = percent * width / 100
        return words + " [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]" + percentage
    }

    /// The width of the terminal on stderr (80 if it cannot be told).
    private static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
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
