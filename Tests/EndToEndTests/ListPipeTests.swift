import Foundation
import Testing

/// `lanes list --format json|csv` into a pipe widens the pipe to 1 MB (`Output.widenPipe`), so
/// that 45 MB of JSON at 100,000 issues is not written 64 KB at a time, waiting for the reader
/// after each; into anything else it changes nothing. The bytes are the same either way.
@Suite struct ListPipeTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// Runs `lanes ARGUMENTS` with stdout into a pipe; its output and the pipe's size afterwards.
    func runIntoPipe(_ arguments: [String]) throws -> (output: String, pipeSize: Int32) {
        let (process, out) = try lanes.start(arguments)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (String(decoding: data, as: UTF8.self), fcntl(out.fileHandleForReading.fileDescriptor, 1032)) // F_GETPIPE_SZ
    }

    @Test func jsonAndCSVIntoAPipeWidenIt() throws {
        #expect(try lanes.run(["init"]).status == 0)
        #expect(try lanes.run(["add", "First", "--label", "bug"]).status == 0)
        for format in ["json", "csv"] {
            let (output, size) = try runIntoPipe(["list", "--format", format])
            #expect(size >= 1 << 20, "--format \(format)")
            #expect(output == (try lanes.run(["list", "--format", format])).stdout)
        }
        // A table is written once, after every row is known: its pipe is left as it was.
        #expect(try runIntoPipe(["list"]).pipeSize < 1 << 20)
    }
}
