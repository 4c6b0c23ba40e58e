import Foundation
import Testing

extension Scratch {
    /// Appends `count` issues to the board's log as a writer would, in one go (a few thousand
    /// `lanes add` would take minutes). Each body is `paragraphs` of 72 bytes.
    func appendIssues(_ count: Int, paragraphs: Int = 6) throws {
        let body = String(repeating: "a paragraph of text that makes each issue's JSON half a kilobyte long. ", count: paragraphs)
        var lines = ""
        for number in 1...count {
            let id = String(UInt64(0x1000_0000_0000_0000) + UInt64(number), radix: 16)
            lines += "\(id)\t2026-11-20T10:00:00.000Z\tann\t#\(number)\tcreated\tIssue \(number)\t\(body)\tbacklog\t\(number)\tnone\n"
        }
        let handle = try #require(FileHandle(forWritingAtPath: path + "/.lanes/events"))
        handle.seekToEndOfFile()
        handle.write(Data(lines.utf8))
        try handle.close()
    }
}
