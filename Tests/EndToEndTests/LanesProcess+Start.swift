import Foundation

extension LanesProcess {
    /// Starts `lanes ARGUMENTS` in the home directory without waiting, its output discarded:
    /// for a test that kills it midway.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LanesProcess.binary)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: home)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// `lanes ARGUMENTS` as a shell command line for `Spawn`, run from the home directory with
    /// this environment (and `extraEnvironment`).
    func shellCommand(_ arguments: [String], extraEnvironment: [String: String] = [:]) -> String {
        let exports = environment.merging(extraEnvironment) { $1 }.map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted()
        return "cd \(Tmux.quote(home)) && exec env \(exports.joined(separator: " ")) "
            + ([LanesProcess.binary] + arguments).map(Tmux.quote).joined(separator: " ")
    }
}
