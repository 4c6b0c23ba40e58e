import Foundation
import Glibc
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp

extension SessionHarness {
    /// `SessionTests.seed` (#1, #2 in To do; #3 in Review, bug, cy) plus `extra`, with To do selected.
    static func seededInToDo(_ extra: [Change] = []) throws -> SessionHarness {
        let h = try SessionHarness(SessionTests.seed + extra)
        h.type("l")
        return h
    }

    /// Runs the editor as `command FILE` (a shell command line) and keeps recovery files in the
    /// harness's directory, without touching the test process's environment.
    func useEditor(_ command: String) {
        session.environment = ["VISUAL": command, "XDG_STATE_HOME": directory + "/state", "HOME": directory]
    }

    /// An editor that puts `content` in place of the file's first line (where a person types
    /// a comment, or the title), keeping the rest of the file.
    func useEditor(replacingFirstLineWith content: String) throws {
        let input = directory + "/editor-input-\(UUID().uuidString)"
        try content.write(toFile: input, atomically: true, encoding: .utf8)
        useEditor("/bin/sh -c '{ cat \"$0\"; printf \"\\\\n\"; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"' \(input)")
    }
}

extension FileLayer {
    /// Every write fails as on a full disk.
    static let diskFull = FileLayer(write: { _, _, _ in errno = ENOSPC; return -1 },
                                    fsync: { Glibc.fsync($0) }, rename: { Glibc.rename($0, $1) })
}
