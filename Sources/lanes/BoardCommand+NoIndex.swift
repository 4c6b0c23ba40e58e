import BoardIndex
import BoardStore
import Dispatch
import LanesApp

/// The full-screen board on a board with no usable index (after a clone): it reads and folds
/// the whole log to draw its first frame, so it shows how far that read is, and builds the
/// index from that same read once the first frame is up, instead of leaving the next command
/// to read and fold the whole log again.
extension BoardCommand {
    /// The board read for the session, with "lanes: reading the board [###---] N%" on stderr
    /// (a terminal only) while a big log is read whole; the terminal is not ours yet. The
    /// whole read is kept for `buildIndexAfterFirstFrame`.
    func openWithoutIndex() throws -> EventLog {
        var bar: ProgressBar?
        defer { bar?.finish() }
        return try options.open(snapshots: .interactive, keepingWholeRead: true) { done, total in
            if bar == nil { bar = ProgressBar(bytes: total, doing: "reading the board") }
            bar?.show(Double(done) / Double(max(total, 1)))
        }
    }

    /// If `log` was read whole, builds the board's index from that read on another thread
    /// after the session's first frame (`BoardIndex.build(_:environment:from:)`: the whole
    /// index, nothing left for the next command). The session never waits for it; if
    /// the person quits first, the build's file is left unrenamed and the next command builds
    /// the index as before. A build that fails says nothing: the index is derived, and the next
    /// command that needs it builds it.
    func buildIndexAfterFirstFrame(from log: EventLog, session: BoardSession) {
        guard let read = log.takeWholeRead() else { return }
        let (location, environment) = (options.location, options.environment)
        session.afterFirstFrame = {
            DispatchQueue.global(qos: .utility).async { try? BoardIndex.build(location, environment: environment, from: read) }
        }
    }
}
