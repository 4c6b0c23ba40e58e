import BoardModel

/// A small streaming JSON writer with a fixed field order.
///
/// Written by hand rather than with `JSONEncoder` so that field order is stable for scripts and
/// diffs, output is fast at 100,000 issues, and strings are terminal-safe: C0/C1 controls and
/// bidi overrides are written as `\uXXXX` escapes (lossless for JSON readers, inert on a terminal).
public struct JSONWriter {
    /// The UTF-8 written so far. Bytes, not a String: 100,000 issues are 40 MB of JSON, and
    /// growing a String that size costs more than writing the JSON.
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open array or object (or the top level) has a value already, so
    /// the next one needs a comma; the same for each enclosing one, outermost first. (The
    /// innermost is kept apart: it is read and set for every value written.)
    private var needsComma = false
    private var enclosing: [Bool] = []

    public init() {}

    /// A writer whose buffer holds `capacity` bytes before it grows: a list of 100,000 issues
    /// grown by doubling copied and paged in about twice its 40 MB.
    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes written so far to `write` and forgets them, keeping its place (open
    /// arrays and objects, where commas go): for output that leaves as it is made.
    public mutating func flush(_ write: ([UInt8]) -> Void) {
        write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        valuePrefix()
        bytes.append(bracket)
        enclosing.append(needsComma)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        needsComma = enclosing.removeLast()
        bytes.append(bracket)
    }

    public mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
        JSONWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }

    /// `key` for a name written in lanes' source (every `field`'s): its bytes are copied as
    /// they are, not searched for characters to escape (a list of 100,000 issues writes 1.8
    /// million of them). Every name in the source is ASCII letters, which need no escape.
    public mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }

    public mutating func string(_ value: String) { valuePrefix(); JSONWriter.appendString(value, to: &bytes) }
    public mutating func number(_ value: Int) { valuePrefix(); JSONWriter.appendDecimal(value, to: &bytes) }
    public mutating func number(_ value: Double) {
        valuePrefix()
        bytes.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)).utf8)
    }
    /// A value that is JSON already (an object `IssueJSON.object` wrote), where a value goes.
    public mutating func json(_ value: UnsafeRawBufferPointer) { valuePrefix(); bytes.append(contentsOf: value) }
    public mutating func bool(_ value: Bool) { valuePrefix(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }

    public mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    /// A time as its ISO 8601 string, written without making one.
    public mutating func field(_ name: StaticString, _ time: Timestamp) {
        key(name)
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        time.appendISO8601(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
        needsComma = true
    }

    /// `value` as decimal digits, without making a String.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(48 + magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &bytes) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Valid UTF-8 with every character `needsEscape` names written as an escape: the runs
    /// between them are copied whole. Only a byte that may start one (`mayStartEscape`) is
    /// looked at closer.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var copied = 0
        var at = firstPossibleEscape(in: utf8, from: 0)
        while at < utf8.count {
            let (length, scalar) = escaped(in: utf8, at: at)
            if length > 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<at]))
                appendEscape(scalar, to: &bytes)
                copied = at + length
            }
            at = firstPossibleEscape(in: utf8, from: at + max(length, 1))
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
    }

    /// Whether a byte may start a character `needsEscape` names: a quote, backslash or control,
    /// C2 (the C1 controls are C2 80–9F), D8 (U+061C) or E2 (the U+2000 block, where the line
    /// separators and bidi controls live). A false positive is only looked at closer.
    @inline(__always)
    private static func mayStartEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// The first offset at or after `start` whose byte `mayStartEscape`, or the end: sixteen
    /// bytes at a time while none does. (The mask is read as two words: `any` of a mask is a
    /// call to a generic reduction here, which cost more than testing byte by byte.)
    private static func firstPossibleEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var at = start
        if let base = utf8.baseAddress {
            let controls = SIMD16<UInt8>(repeating: 0xE0), zero = SIMD16<UInt8>(repeating: 0)
            let quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
            let delete = SIMD16<UInt8>(repeating: 0x7F), c2 = SIMD16<UInt8>(repeating: 0xC2)
            let d8 = SIMD16<UInt8>(repeating: 0xD8), e2 = SIMD16<UInt8>(repeating: 0xE2)
            while at + 16 <= utf8.count {
                let block = UnsafeRawPointer(base + at).loadUnaligned(as: SIMD16<UInt8>.self)
                let hits = ((block & controls) .== zero) .| (block .== quote) .| (block .== backslash) .| (block .== delete)
                    .| (block .== c2) .| (block .== d8) .| (block .== e2)
                let words = unsafeBitCast(hits, to: (UInt64, UInt64).self)
                if words.0 | words.1 != 0 { break }
                at += 16
            }
        }
        while at < utf8.count, !mayStartEscape(utf8[at]) { at += 1 }
        return at
    }

    /// The character at `at` (a byte that `mayStartEscape`) if it is written as an escape: its
    /// length in bytes and its scalar; length 0 if it is written as it is.
    private static func escaped(in utf8: UnsafeBufferPointer<UInt8>, at: Int) -> (length: Int, scalar: UInt32) {
        let lead = UInt32(utf8[at])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
        guard at + length <= utf8.count else { return (0, 0) }
        let scalar = switch length {
        case 1: lead
        case 2: (lead & 0x1F) << 6 | UInt32(utf8[at + 1] & 0x3F)
        default: (lead & 0x0F) << 12 | UInt32(utf8[at + 1] & 0x3F) << 6 | UInt32(utf8[at + 2] & 0x3F)
        }
        return Unicode.Scalar(scalar).map(needsEscape) == true ? (length, scalar) : (0, 0)
    }

    /// `\"`, `\\`, `\n`, `\t`, `\r`, else `\u` and four lowercase hex digits.
    private static func appendEscape(_ scalar: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch scalar {
        case 0x22: bytes.append(UInt8(ascii: "\""))
        case 0x5C: bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            bytes.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((scalar >> UInt32(shift)) & 0xF)
                bytes.append(digit < 10 ? 48 + digit : 87 + digit)
            }
        }
    }

    /// Quotes, backslashes, controls and bidi formatting characters are written as escapes.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x22 || v == 0x5C || (v >= 0x7F && v <= 0x9F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069) || v == 0x061C || v == 0x200E || v == 0x200F
    }
}
