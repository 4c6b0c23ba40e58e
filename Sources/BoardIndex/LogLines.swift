#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// Lines read back from the log by where they start: an issue's timeline (`show`), and the
/// log's first lines, which say its format and which board it is.
enum LogLines {
    /// The events of issue `number` whose lines start at `offsets` in the log open as `fd`. A
    /// line that no longer decodes, or is about another issue, means the log changed under the
    /// index: damage, so the index is rebuilt.
    static func events(of number: Int, at offsets: [Int64], in fd: Int32, path: String) throws -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(offsets.count)
        for offset in offsets {
            var count = 1024
            while true {
                let bytes = try POSIXFile.read(fd, offset: Int(offset), count: count, path: path)
                guard let newline = bytes.firstIndex(of: 10) else {
                    guard bytes.count == count else { throw IndexDamaged() } // no newline before the end
                    count *= 4
                    continue
                }
                let end = newline > 0 && bytes[newline - 1] == 13 ? newline - 1 : newline
                let event = bytes.withUnsafeBufferPointer { buffer in
                    try? LineCodec.decode(UnsafeBufferPointer(rebasing: buffer[..<end]))
                }
                guard let event, event.issue == number else { throw IndexDamaged() }
                events.append(event)
                break
            }
        }
        return events
    }

    /// The log's format version (its header) and its identity: the id of its first event.
    static func head(of fd: Int32, path: String) throws -> (version: Int?, board: String) {
        var count = 4096
        while true {
            let bytes = try POSIXFile.read(fd, offset: 0, count: count, path: path)
            var reader = LogReader(path: path, nextLine: 1)
            var first: Event?
            // Line by line, so that only the header and the first event are decoded.
            var start = 0
            while first == nil, start < bytes.count, let newline = bytes[start...].firstIndex(of: 10) {
                _ = bytes.withUnsafeBufferPointer { buffer in
                    reader.read(UnsafeBufferPointer(rebasing: buffer[start...newline])) { event, _ in first = event }
                }
                start = newline + 1
            }
            if let first { return (reader.version, first.id.description) }
            // No event yet in what was read: read more unless that was the whole file.
            guard bytes.count == count, count < 1 << 20 else { return (reader.version, "") }
            count *= 4
        }
    }
}
