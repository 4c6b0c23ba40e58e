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

    /// `2026-11-29T08:45:33.123Z`.
    public var iso8601: String {
        var ms = milliseconds
        let days = ms >= 0 ? ms / Timestamp.day : (ms - Timestamp.day + 1) / Timestamp.day
        ms -= days * Timestamp.day
        let (year, month, day) = Timestamp.civil(fromDays: days)
        let hour = ms / 3_600_000, minute = ms / 60_000 % 60, second = ms / 1000 % 60, milli = ms % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(milli, 3))Z"
    }

    /// `2026-11-29`, the UTC date.
    public var date: String { String(iso8601.prefix(10)) }

    /// Parses the fixed forms `YYYY-MM-DDTHH:MM:SS[.mmm]Z` and `YYYY-MM-DD` from UTF-8 bytes.
    public static func parse<C: Collection>(_ bytes: C) -> Timestamp? where C.Element == UInt8 {
        var digits: [Int64] = []
        digits.reserveCapacity(17)
        var separators = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                digits.append(Int64(byte - 48))
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "T")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "Z") {
                separators += 1
            } else {
                return nil
            }
        }
        func number(_ from: Int, _ count: Int) -> Int64 {
            var value: Int64 = 0
            for i in from..<(from + count) { value = value * 10 + digits[i] }
            return value
        }
        guard digits.count == 8 || digits.count == 14 || digits.count == 17 else { return nil }
        let year = number(0, 4), month = number(4, 2), day = number(6, 2)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var ms = days(fromCivil: year, month, day) * Timestamp.day
        if digits.count >= 14 {
            let hour = number(8, 2), minute = number(10, 2), second = number(12, 2)
            guard hour < 24, minute < 60, second < 61 else { return nil }
            ms += (hour * 3600 + minute * 60 + second) * 1000
        }
        if digits.count == 17 { ms += number(14, 3) }
        return Timestamp(milliseconds: ms)
    }

    public static func parse(_ text: String) -> Timestamp? { parse(Array(text.utf8)) }

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
