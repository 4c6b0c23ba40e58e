import Foundation

/// A moment, in milliseconds since 1970-01-01T00:00:00Z.
///
/// Kept as an integer so that the log, sorting and comparisons stay exact and cheap; written as
/// ISO 8601 UTC with milliseconds (`2026-11-29T08:45:33.123Z`) so that the log stays readable.
public struct Timestamp: Hashable, Comparable, Sendable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public static var now: Timestamp {
        Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    public static let day: Int64 = 86_400_000

    /// How far past this machine's clock an event may be dated and still count: a day, more
    /// than clocks that sync are ever off by. An event dated further ahead (a wrong clock, a bad
    /// import) would win every later edit of its field and drag everyone's later stamps after
    /// it, so the fold sets it aside (and `lanes check` reports it) until the clock reaches it.
    public static let skew: Int64 = day

    /// `2026-11-29T08:45:33.123Z`.
    public var iso8601: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `iso8601`'s UTF-8 to `out` digit by digit, in one append: JSON of 100,000 issues
    /// writes it 200,000 times.
    public func appendISO8601(to out: inout [UInt8]) {
        var ms = milliseconds
        let days = ms >= 0 ? ms / Timestamp.day : (ms - Timestamp.day + 1) / Timestamp.day
        ms -= days * Timestamp.day
        let (year, month, day) = Timestamp.civil(fromDays: days)
        guard (0...9999).contains(year) else {
            // Years outside four digits (only from hand-edited logs) keep their sign and width.
            out.append(contentsOf: "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T".utf8)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 13) { time in
                Timestamp.write(time: ms, to: time.baseAddress!)
                out.append(contentsOf: time)
            }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            let at = text.baseAddress!
            Timestamp.write(year, digits: 4, to: at)
            at[4] = 45
            Timestamp.write(month, digits: 2, to: at + 5)
            at[7] = 45
            Timestamp.write(day, digits: 2, to: at + 8)
            at[10] = 84
            Timestamp.write(time: ms, to: at + 11)
            out.append(contentsOf: text)
        }
    }

    /// `HH:MM:SS.mmmZ` (13 bytes) for `ms` milliseconds into a day.
    private static func write(time ms: Int64, to at: UnsafeMutablePointer<UInt8>) {
        write(ms / 3_600_000, digits: 2, to: at)
        at[2] = 58
        write(ms / 60_000 % 60, digits: 2, to: at + 3)
        at[5] = 58
        write(ms / 1000 % 60, digits: 2, to: at + 6)
        at[8] = 46
        write(ms % 1000, digits: 3, to: at + 9)
        at[12] = 90
    }

    /// `value` (not negative) as `count` decimal digits, the last ones if it has more.
    private static func write(_ value: Int64, digits count: Int, to at: UnsafeMutablePointer<UInt8>) {
        var value = value
        for place in (0..<count).reversed() {
            at[place] = UInt8(48 + value % 10)
            value /= 10
        }
    }

    /// `2026-11-29`, the UTC date.
    public var date: String { String(iso8601.prefix(10)) }

    /// Parses the fixed forms `YYYY-MM-DDTHH:MM:SS[.mmm]Z` and `YYYY-MM-DD` from UTF-8 bytes.
    /// Allocation-free: it runs once per line when a board opens.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if bytes.count == 24 { return parseCanonical(bytes) ?? parseAnyForm(bytes) }
        return parseAnyForm(bytes)
    }

    /// The form every writer of the log uses, `YYYY-MM-DDTHH:MM:SS.mmmZ`, read at fixed offsets.
    static func parseCanonical(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 46, b[23] == 90 else { return nil }
        var bad: UInt8 = 0
        func digits(_ start: Int, _ count: Int) -> Int64 {
            var value: Int64 = 0
            for i in start..<(start + count) {
                let d = b[i] &- 48
                bad |= d >= 10 ? 1 : 0
                value = value * 10 + Int64(d)
            }
            return value
        }
        let year = digits(0, 4), month = digits(5, 2), day = digits(8, 2)
        let hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2), milli = digits(20, 3)
        guard bad == 0, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        return Timestamp(milliseconds: days(fromCivil: year, month, day) * Timestamp.day
            + (hour * 3600 + minute * 60 + second) * 1000 + milli)
    }

    static func parseAnyForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        // Digits land in fixed slots: year(4) month(2) day(2) hour(2) minute(2) second(2) milli(3).
        var fields: (Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0, 0)
        var count = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                let digit = Int64(byte - 48)
                switch count {
                case 0..<4: fields.0 = fields.0 * 10 + digit
                case 4..<6: fields.1 = fields.1 * 10 + digit
                case 6..<8: fields.2 = fields.2 * 10 + digit
                case 8..<10: fields.3 = fields.3 * 10 + digit
                case 10..<12: fields.4 = fields.4 * 10 + digit
                case 12..<14: fields.5 = fields.5 * 10 + digit
                case 14..<17: fields.6 = fields.6 * 10 + digit
                default: return nil
                }
                count += 1
            } else if byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "T")
                && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "Z") {
                return nil
            }
        }
        guard count == 8 || count == 14 || count == 17 else { return nil }
        let (year, month, day, hour, minute, second, milli) = fields
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let ms = days(fromCivil: year, month, day) * Timestamp.day + (hour * 3600 + minute * 60 + second) * 1000 + milli
        return Timestamp(milliseconds: ms)
    }

    public static func parse(_ text: String) -> Timestamp? { Array(text.utf8).withUnsafeBufferPointer { parse($0) } }

    public static func parse(_ bytes: [UInt8]) -> Timestamp? { bytes.withUnsafeBufferPointer { parse($0) } }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    /// "just now" or "3h ago".
    public func ago(relativeTo now: Timestamp) -> String {
        let age = age(relativeTo: now)
        return age == "now" ? "just now" : age + " ago"
    }

    /// A short age relative to `now`: `now`, `5m`, `3h`, `12d`, `8w`, `2y`.
    public func age(relativeTo now: Timestamp) -> String {
        let seconds = max(0, (now.milliseconds - milliseconds) / 1000)
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        case ..<(86_400 * 60): return "\(seconds / 86_400)d"
        case ..<(86_400 * 730): return "\(seconds / (86_400 * 7))w"
        default: return "\(seconds / (86_400 * 365))y"
        }
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
