import BoardGeneration
import BoardStore
import Foundation

// Writes one of the generated boards that docs/performance.md measures, anywhere:
//   swift run -c release generate-board 100000 1000000 /work/bench/boards/100k
//   swift run -c release generate-board 1000000 10000000 /work/bench/boards/1m
// The same sizes give the same issues and events as the benchmark suite's board in /tmp.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3, let issues = Int(arguments[arguments.startIndex]), let events = Int(arguments[arguments.startIndex + 1]),
      issues > 0, events > 0 else {
    FileHandle.standardError.write(Data("usage: generate-board ISSUES EVENTS DIRECTORY\n".utf8))
    exit(2)
}
let location = BoardLocation(root: arguments[arguments.startIndex + 2])
if location.exists {
    FileHandle.standardError.write(Data("generate-board: a board already exists at \(location.directory)\n".utf8))
    exit(1)
}
do {
    try BoardGenerator.write(issues: issues, events: events, to: location)
} catch {
    FileHandle.standardError.write(Data("generate-board: \(error)\n".utf8))
    exit(1)
}
