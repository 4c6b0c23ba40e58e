import ArgumentParser
import BoardModel
import BoardStore
import Foundation
import Screen

/// `lanes merge-driver BASE OURS THEIRS`: git's merge driver for `.lanes/events`. Writes the
/// merged log over OURS, as git expects, and exits 0 (boards always merge).
struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two versions of a board's event log (used by git; see lanes sync).",
        shouldDisplay: false
    )

    @Argument(help: "The common ancestor (%O).") var base: String
    @Argument(help: "Our version, overwritten with the result (%A).") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String

    func run() throws {
        func read(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else { throw BoardError.io("cannot read \(path)") }
            return [UInt8](data)
        }
        let result = LogMerge.merge(base: try read(base), ours: try read(ours), theirs: try read(theirs))
        let temporary = ours + ".lanes-merge"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(result.bytes)),
              rename(temporary, ours) == 0 else {
            throw BoardError.io("cannot write the merged board to \(ours)")
        }
        for (old, new, title) in result.renumbered {
            Output.error("lanes: #\(old) was already taken by another clone; your #\(old) \"\(Sanitizer.line(title))\" is now #\(new)")
        }
        if let first = result.future.first {
            Output.error("lanes: \(result.future.count) merged events are dated more than a day ahead (the first \(first.at.iso8601) by \(Sanitizer.line(first.actor))); set aside, see lanes check")
        }
    }
}
