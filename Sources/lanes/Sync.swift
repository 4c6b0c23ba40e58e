import ArgumentParser
import BoardModel
import BoardStore
import Foundation
import Screen

/// `lanes sync`: commit the board's new events, pull (merging boards with our merge driver),
/// push. Works in any clone with no set-up step: the driver is registered on the way.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
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
            try sync(root, location: location, eventsPath: eventsPath)
        } catch let error as SyncError {
            throw BoardError.invalid(error.description)
        }
    }

    /// Fetches without the board lock (the network can be slow), then commits and merges under
    /// it: git replaces `.lanes/events` when it merges, and an append to the old file, or one
    /// landing after git checked the file and before it wrote it, would be lost. Lanes writers
    /// wait, then reopen the log git left. The push needs no lock: it sends commits, not the file.
    func sync(_ git: Git, location: BoardLocation, eventsPath: String) throws {
        let identity = try identityArguments(git)
        guard try git.run(["symbolic-ref", "--quiet", "HEAD"]).succeeded else {
            throw SyncError("the clone is on a detached HEAD, where a commit would belong to no branch; check out a branch (git switch NAME) and sync again; nothing was committed")
        }
        let upstream = try git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])
        let remotes = try git.run(["remote"]).stdout.split(separator: "\n")
        if upstream.succeeded {
            let fetch = try git.run(["fetch", "--quiet"])
            guard fetch.succeeded else {
                throw SyncError("git fetch failed: \(fetch.reason); the board is unchanged")
            }
        }
        try location.whileLocked(onWait: BoardOptions.sayWaiting) {
            try commitBoard(git, identity: identity, eventsPath: eventsPath)
            guard !remotes.isEmpty else {
                throw SyncError("no git remote to sync with; add one with \"git remote add origin URL\" (the board is committed locally)")
            }
            if upstream.succeeded { try merge(git, identity: identity) }
        }
        if upstream.succeeded {
            try git.must(["push", "--quiet"], doing: "git push")
        } else {
            let remote = remotes.contains("origin") ? "origin" : String(remotes[0])
            try git.must(["push", "--quiet", "--set-upstream", remote, "HEAD"], doing: "git push")
        }
        Output.print("synced \(Sanitizer.line(eventsPath))")
    }

    /// Commits the board's own files, nothing else of the user's work.
    func commitBoard(_ git: Git, identity: [String], eventsPath: String) throws {
        let ignore = String(eventsPath.dropLast("events".count)) + ".gitignore"
        let paths = [eventsPath, ".gitattributes"] + (FileManager.default.fileExists(atPath: git.directory + "/" + ignore) ? [ignore] : [])
        try git.must(["add", "--"] + paths, doing: "git add")
        let staged = try git.run(["diff", "--cached", "--quiet", "--"] + paths)
        if !staged.succeeded {
            try git.must(identity + ["commit", "--quiet", "--no-verify", "-m", "lanes: sync board", "--"] + paths,
                         doing: "git commit")
        }
    }

    /// Merges the fetched upstream (boards through the merge driver); a failed merge is aborted,
    /// which puts back the files as committed, the board included.
    func merge(_ git: Git, identity: [String]) throws {
        let merge = try git.run(identity + ["merge", "--no-edit", "--quiet", "@{upstream}"])
        if merge.succeeded {
            // What the merge driver said (renumbered issues, events set aside) is for the user.
            for line in merge.stderr.split(separator: "\n") where line.hasPrefix("lanes: ") { Output.error(String(line)) }
            return
        }
        let conflicts = try git.run(["diff", "--name-only", "--diff-filter=U"]).stdout
            .split(separator: "\n").map(String.init)
        if !conflicts.isEmpty {
            _ = try git.run(["merge", "--abort"])
            throw SyncError("conflict in \(conflicts.joined(separator: ", ")); the board is unchanged; resolve it with git, then run lanes sync again")
        }
        throw SyncError("git merge failed: \(merge.reason); the board is unchanged")
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
        // Real paths on both sides: git matches .gitattributes against the path in the
        // repository, which a symlink in `--board` (or above the clone) would not give.
        let absolute = realPath(location.directory) + "/events"
        let rootPath = realPath(root)
        guard absolute.hasPrefix(rootPath + "/") else {
            throw SyncError("the board's log \(absolute) is not inside the git repository at \(rootPath)")
        }
        let relative = String(absolute.dropFirst(rootPath.count + 1))
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

    /// `path` with every symlink resolved (itself if it cannot be).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
