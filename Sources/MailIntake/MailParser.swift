#if canImport(Glibc)
import Glibc
#endif

/// Splits an RFC 5322 message into MIME parts (RFC 2045/2046), never failing: a malformed
/// boundary leaves the body as one text part, a message nested past `maximumDepth` stops being
/// split, and parts past `maximumParts` are not split off.
public enum MailParser {
    /// Deep enough for any real message (mail clients nest three or four levels); a hostile one
    /// 100 deep still parses, its innermost levels kept as opaque bodies.
    public static let maximumDepth = 32
    /// Parts split off one message; the rest stays in the last part's body.
    public static let maximumParts = 2_000

    public static func parse(_ bytes: [UInt8]) -> MailPart {
        var budget = maximumParts
        return parse(bytes[...], depth: 0, budget: &budget)
    }

    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, budget: inout Int) -> MailPart {
        let (headerBytes, body) = splitHeaders(bytes)
        let headers = MailHeaders(parsing: headerBytes)
        var part = MailPart(headers: headers, body: body, parts: [])
        guard headers.contentType.value.hasPrefix("multipart/"), depth < maximumDepth,
              let boundary = headers.contentType.parameter("boundary"), !boundary.isEmpty, boundary.utf8.count <= 200 else {
            return part
        }
        let pieces = split(body, boundary: Array(boundary.utf8), budget: &budget)
        guard !pieces.isEmpty else {
            // No boundary line at all: the sender's program broke it; keep the body as text.
            part.headers.contentType = HeaderValue(value: "text/plain", parameters: [:])
            return part
        }
        part.parts = pieces.map { parse($0, depth: depth + 1, budget: &budget) }
        return part
    }

    /// Headers and body, split at the first empty line (CRLF or LF line ends).
    static func splitHeaders(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        var lineStart = index
        while index < bytes.endIndex {
            if bytes[index] == 10 {
                let line = bytes[lineStart..<index]
                if line.isEmpty || (line.count == 1 && line.first == 13) {
                    return (bytes[bytes.startIndex..<lineStart], bytes[(index + 1)...])
                }
                lineStart = index + 1
            }
            index += 1
        }
        // No empty line: everything is headers if it looks like headers, else all body.
        let first = bytes.prefix { $0 != 10 }
        return first.contains(UInt8(ascii: ":")) ? (bytes, bytes[bytes.endIndex...]) : (bytes[bytes.startIndex..<bytes.startIndex], bytes)
    }

    /// The bodies between `--boundary` lines, up to the closing `--boundary--` (or the end).
    /// Lines are found with `memchr` and only those starting with `--` are looked at: a body
    /// can be tens of megabytes.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8], budget: inout Int) -> [ArraySlice<UInt8>] {
        let marker = [45, 45] + boundary
        var pieces: [ArraySlice<UInt8>] = []
        var current: Int? = nil
        let lineStarts: [Int] = body.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var starts: [Int] = []
            var offset = 0
            while offset < buffer.count {
                if buffer.count - offset >= marker.count, buffer[offset] == 45, buffer[offset + 1] == 45 { starts.append(offset) }
                guard let newline = memchr(base + offset, 10, buffer.count - offset) else { break }
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return starts
        }
        for relative in lineStarts {
            let lineStart = body.startIndex + relative
            var lineEnd = lineStart
            while lineEnd < body.endIndex, body[lineEnd] != 10, lineEnd - lineStart < marker.count + 80 { lineEnd += 1 }
            let line = body[lineStart..<lineEnd]
            guard line.starts(with: marker) else { continue }
            let rest = line.dropFirst(marker.count)
            let closing = rest.starts(with: [45, 45])
            guard closing || rest.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { continue }
            if let start = current { pieces.append(trimmed(body[start..<lineStart])) }
            if closing { return pieces }
            guard budget > 0 else { return pieces }
            budget -= 1
            while lineEnd < body.endIndex, body[lineEnd] != 10 { lineEnd += 1 }
            current = min(lineEnd + 1, body.endIndex)
        }
        if let start = current, start < body.endIndex { pieces.append(body[start..<body.endIndex]) }
        return pieces
    }

    /// A part's bytes without the line break that belongs to the next boundary line.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        if end > bytes.startIndex, bytes[end - 1] == 10 { end -= 1 }
        if end > bytes.startIndex, bytes[end - 1] == 13 { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }
}
