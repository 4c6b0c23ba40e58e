import Foundation

/// Runs git in a repository and returns what it printed. Used by `lanes sync` only.
struct Git {
    let directory: String

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var succeeded: Bool { status == 0 }

        /// Why git failed, in one line: its first `fatal:` or `error:` line, else its first line
        /// (its last is often the tail of a paragraph of advice: "and the repository exists.").
        var reason: String {
            let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first ?? "git exited with \(status)"
        }
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SyncError("cannot run git: \(error.localizedDescription); is git installed?")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs git and throws its own message, prefixed with what we were doing, if it fails.
    @discardableResult
    func must(_ arguments: [String], doing: String) throws -> Output {
        let output = try run(arguments)
        guard output.succeeded else {
            throw SyncError("\(doing) failed: \(output.reason)")
        }
        return output
    }
}

/// A sync failure with the one-line message the user sees.
struct SyncError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
