import Foundation
import Testing
import Screen

/// Compares a rendered grid with a stored text snapshot in Snapshots/NAME.txt.
///
/// A missing snapshot (or LANES_RECORD_SNAPSHOTS=1) is written and the test fails, so a new
/// snapshot is always looked at before it is committed.
func assertSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    // No row may spill past the grid: each line's display width fits.
    for (row, line) in grid.lines.enumerated() {
        #expect(DisplayWidth.of(line) <= grid.width, "row \(row) of \(name) is too wide", sourceLocation: sourceLocation)
    }
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    // A frame line per edge makes trailing blanks and the size visible in review.
    let border = "+" + String(repeating: "-", count: grid.width) + "+"
    let actual = ([border] + grid.lines.map { "|" + $0 } + [border]).joined(separator: "\n") + "\n"
    let record = ProcessInfo.processInfo.environment["LANES_RECORD_SNAPSHOTS"] == "1"
    if !record, let expected = try? String(contentsOf: file, encoding: .utf8) {
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
}
