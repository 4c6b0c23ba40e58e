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
}
