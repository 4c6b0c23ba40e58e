import BoardModel

/// Splits a chunk of log bytes into lines and decodes them.
///
/// Used for the whole file on open and for the new tail when other writers append; bad lines
/// become problems with their line numbers and the good lines around them still load.
package struct LogReader {
    package var path: String
    /// The line number of the first line in the next chunk (1-based; line 1 is the header).
    package var nextLine: Int
    /// Set from the header: the format version of the log.
    package var version: Int?

    package init(path: String, nextLine: Int, version: Int? = nil) {
        self.path = path
        self.nextLine = nextLine
        self.version = version
    }

    package struct Chunk {
        package var problems: [FileProblem] = []
        /// Bytes consumed: up to and including the last newline.
        package var consumed = 0
        /// Bytes after the last newline: a line still being written, or a torn tail.
        package var incomplete = 0
    }

    /// Decodes every complete line, handing each event and where its line starts in `bytes` to
    /// `onEvent` as it is read (a million events are folded without first being collected).
    package mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, onEvent: (Event, Int) -> Void) -> Chunk {
        var chunk = Chunk()
        var start = 0
        while start < bytes.count {
            guard let newline = nextNewline(bytes, from: start) else {
                chunk.incomplete = bytes.count - start
                break
            }
            var end = newline
            if end > start, bytes[end - 1] == 13 { end -= 1 } // tolerate CRLF from editors
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            readLine(line, into: &chunk) { onEvent($0, start) }
            nextLine += 1
            start = newline + 1
            chunk.consumed = start
        }
        return chunk
    }

    private mutating func readLine(_ line: UnsafeBufferPointer<UInt8>, into chunk: inout Chunk,
                                   onEvent: (Event) -> Void) {
        if version == nil {
            guard let headerVersion = LineCodec.version(ofHeader: line) else {
                chunk.problems.append(FileProblem(file: path, line: nextLine,
                                                 message: "missing header; expected \"\(LineCodec.header)\""))
                version = LineCodec.formatVersion
                return readLine(line, into: &chunk, onEvent: onEvent)
            }
            version = headerVersion
            return
        }
        if line.isEmpty || line[0] == UInt8(ascii: "#") { return } // blank and comment lines
        do {
            onEvent(try LineCodec.decode(line))
        } catch {
            chunk.problems.append(FileProblem(file: path, line: nextLine, message: error.message))
        }
    }

    private func nextNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        guard let found = memchr(base + start, 10, bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

#if canImport(Glibc)
import Glibc
#endif
