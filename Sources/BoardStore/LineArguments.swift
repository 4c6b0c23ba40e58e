#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// The fields of one log line after its kind, read in order straight from the line's bytes.
///
/// Why a value with `mutating` methods rather than closures over a cursor (as `LineCodec.decode`
/// had): closures capturing a `var` made every field read check exclusive access at run time
/// (a sixteenth of a whole read), and ranks, priorities and the kind were made into `String`s
/// only to be compared or parsed. Here a field becomes a `String` only when the event keeps it
/// as text; everything else is read from its bytes, falling back to the old way (the text,
/// escapes decoded) for any field holding a backslash or a form the fast path does not know, so
/// the events and error messages stay exactly what they were.
struct LineArguments {
    var fields: LineCodec.FieldCursor
    /// The kind field's bytes, for messages.
    let kindField: UnsafeBufferPointer<UInt8>

    var kindName: String { LineCodec.text(kindField) }
    var hasMore: Bool { fields.hasMore }

    /// The next field's raw bytes, or "KIND is missing a value".
    mutating func raw() throws(LineError) -> UnsafeBufferPointer<UInt8> {
        guard let field = fields.next() else { throw LineError("\(kindName) is missing a value") }
        return field
    }

    /// The next field as text, escapes decoded.
    mutating func text() throws(LineError) -> String { try FieldEscaping.decode(try raw()) }

    mutating func rank() throws(LineError) -> Double {
        let field = try raw()
        if let whole = LineArguments.wholeNumber(field) { return whole }
        let raw = try FieldEscaping.decode(field)
        guard let value = Double(raw), value.isFinite else { throw LineError("bad rank \"\(raw)\"") }
        return value
    }

    mutating func priority() throws(LineError) -> Priority {
        let field = try raw()
        if let value = LineArguments.priority(field) { return value }
        let raw = try FieldEscaping.decode(field)
        guard let value = Priority(rawValue: raw) else { throw LineError("bad priority \"\(raw)\"") }
        return value
    }

    /// A day (`YYYY-MM-DD`) or `-` for none.
    mutating func date() throws(LineError) -> CalendarDate? {
        let raw = try text()
        if raw == "-" { return nil }
        guard let value = CalendarDate(iso: raw) else { throw LineError("bad date \"\(raw)\"; expected YYYY-MM-DD or -") }
        return value
    }

    /// Up to 15 plain digits (what `LineCodec.rankText` writes for a whole rank) as the `Double`
    /// `Double(String)` makes of them: exact below 2^53. Nil for anything else.
    static func wholeNumber(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !field.isEmpty, field.count <= 15 else { return nil }
        var value: Int64 = 0
        for byte in field {
            let digit = byte &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return Double(value)
    }

    /// The priority spelled exactly by `field`'s bytes, nil if none is (a field with an escape
    /// included: the caller decodes it and asks again).
    static func priority(_ field: UnsafeBufferPointer<UInt8>) -> Priority? {
        switch field.count {
        case 3: return field.equals("low") ? .low : nil
        case 4: return field.equals("none") ? Priority.none : field.equals("high") ? .high : nil
        case 6: return field.equals("medium") ? .medium : field.equals("urgent") ? .urgent : nil
        default: return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly `text`'s UTF-8 (a literal: no `String` made).
    func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        guard let base = baseAddress else { return count == 0 }
        return memcmp(base, text.utf8Start, count) == 0
    }
}
