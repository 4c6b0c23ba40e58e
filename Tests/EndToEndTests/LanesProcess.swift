import Foundation

/// Runs the built `lanes` binary the way a user or script would, in a temporary home.
struct LanesProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `lanes` executable next to the test bundle in the build directory.
    static let binary: String = {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: me).deletingLastPathComponent()
        if directory.lastPathComponent == "Contents" || directory.pathExtension == "xctest" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("lanes").path
    }()

    let home: String
    var user = "ann"

    init(home: String) { self.home = home }

    var environment: [String: String] {
        [
            "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
            "LANES_USER": user, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
        ]
    }

    @discardableResult
    /// Runs `lanes ARGUMENTS`; with `direct`, the first argument is the program to run instead.
    func run(_ arguments: [String], in directory: String? = nil, stdin: String? = nil,
             extraEnvironment: [String: String] = [:], direct: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: direct ? arguments[0] : LanesProcess.binary)
        process.arguments = direct ? Array(arguments.dropFirst()) : arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? home)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `lanes ARGUMENTS` with stdout into a pipe the caller reads (stderr discarded), without waiting.
    func start(_ arguments: [String], in directory: String? = nil) throws -> (process: Process, stdout: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LanesProcess.binary)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? home)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }
}

/// A fresh directory under /tmp, removed when the value goes away.
final class Scratch {
    let path: String

    init() {
        var template = Array("/tmp/lanes-e2e-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func contents(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path + "/" + name) ?? Data(), as: UTF8.self)
    }
}

/// Decodes JSON output into Foundation values for assertions.
func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}
