import ArgumentParser
import BoardModel
import BoardStore
import Foundation
import Screen

/// `lanes sync`: commit the board's new events, pull (merging boards with our merge driver),
/// push. Works in any clone with no set-up step: the driver is registered on the way.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Commit the board, pull and merge other clones' events, push (git).",
        discussion: "The board must be inside a git repository. The first sync registers Lanes' merge driver in .gitattributes and .git/config, so a plain git pull merges boards correctly too."
    )

    @OptionGroup var options: BoardOptions
    @Flag(help: "Only register the merge driver; do not commit, pull or push.")
    var setup = false

    func run() throws {
        let location = options.location
        guard location.exists else { throw BoardError.invalid("no board at \(location.root); run \"lanes init\" first") }
        let git = Git(directory: location.root)
        let top = try git.run(["rev-parse", "--show-toplevel"])
        guard top.succeeded else { throw BoardError.invalid("the board at \(location.root) is not in a git repository; run \"git init\" there first") }
        let root = Git(directory: top.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        do {
            let eventsPath = try MergeDriverSetup.register(git: root, location: location)
            if setup {
                Output.print("registered the lanes merge driver for \(eventsPath)")
                return
            }
            try sync(root, eventsPath: eventsPath)
        } catch let error as SyncError {
            throw BoardError.invalid(error.description)
        }
    }

    func sync(_ git: Git, eventsPath: String) throws {
        let identity = try identityArguments(git)
        // 1. Commit the board's own files, nothing else of the user's work.
        let ignore = String(eventsPath.dropLast("events".count)) + ".gitignore"
        let paths = [eventsPath, ".gitattributes"] + (FileManager.default.fileExists(atPath: git.directory + "/" + ignore) ? [ignore] : [])
        try git.must(["add", "--"] + paths, doing: "git add")
        let staged = try git.run(["diff", "--cached", "--quiet", "--"] + paths)
        if !staged.succeeded {
            try git.must(identity + ["commit", "--quiet", "--no-verify", "-m", "lanes: sync board", "--"] + paths,
                         doing: "git commit")
        }
        // 2. Pull and merge, if there is anything to pull from.
        let upstream = try git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])
        let remotes = try git.run(["remote"]).stdout.split(separator: "\n")
        guard !remotes.isEmpty else {
            throw SyncError("no git remote to sync with; add one with \"git remote add origin URL\" (the board is committed locally)")
        }
        if upstream.succeeded {
            let pull = try git.run(identity + ["pull", "--no-rebase", "--no-edit", "--quiet"])
            if !pull.succeeded {
                let conflicts = try git.run(["diff", "--name-only", "--diff-filter=U"]).stdout
                    .split(separator: "\n").map(String.init)
                if !conflicts.isEmpty {
                    _ = try git.run(["merge", "--abort"])
                    throw SyncError("conflict in \(conflicts.joined(separator: ", ")); the board is unchanged; resolve it with git, then run lanes sync again")
                }
                let reason = pull.stderr.split(separator: "\n").last.map(String.init) ?? "git pull failed"
                throw SyncError("git pull failed: \(reason); the board is unchanged")
            }
            // What the merge driver said (renumbered issues, events set aside) is for the user.
            for line in pull.stderr.split(separator: "\n") where line.hasPrefix("lanes: ") { Output.error(String(line)) }
            try git.must(["push", "--quiet"], doing: "git push")
        } else {
            let remote = remotes.contains("origin") ? "origin" : String(remotes[0])
            try git.must(["push", "--quiet", "--set-upstream", remote, "HEAD"], doing: "git push")
        }
        Output.print("synced \(Sanitizer.line(eventsPath))")
    }

    /// A commit needs an identity; if git has none configured, use the Lanes actor.
    func identityArguments(_ git: Git) throws -> [String] {
        let name = try git.run(["config", "user.name"])
        guard !name.succeeded || name.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        let actor = options.actorName
        return ["-c", "user.name=\(actor)", "-c", "user.email=\(actor)@lanes.invalid"]
    }
}

/// Registers `lanes merge-driver` for the board's event log, idempotently.
enum MergeDriverSetup {
    /// Returns the event log's path relative to the repository root.
    static func register(git: Git, location: BoardLocation) throws -> String {
        let root = git.directory
        let absolute = URL(fileURLWithPath: location.eventsPath).standardizedFileURL.path
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        let relative = absolute.hasPrefix(rootPath + "/") ? String(absolute.dropFirst(rootPath.count + 1)) : absolute
        let attributes = root + "/.gitattributes"
        let line = "\(relative) merge=lanes"
        let existing = (try? String(contentsOfFile: attributes, encoding: .utf8)) ?? ""
        if !existing.split(separator: "\n").contains(where: { $0 == line }) {
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + line + "\n"
            try text.write(toFile: attributes, atomically: true, encoding: .utf8)
        }
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        try git.must(["config", "merge.lanes.name", "Lanes board merge (union of events by id)"], doing: "git config")
        try git.must(["config", "merge.lanes.driver", "'\(binary)' merge-driver %O %A %B"], doing: "git config")
        return relative
    }
}
