import BoardModel
import Foundation

/// The formats `lanes import` reads, and how a file is recognised when `--from` is not given.
public enum ImportFormat: String, CaseIterable, Sendable {
    case github, jira, taskwarrior, csv
    /// `lanes export` JSON, timelines included.
    case lanes

    /// Guesses from the content: JSON with `number` is GitHub, JSON with `uuid` taskwarrior,
    /// CSV with `Issue key` Jira, CSV with Lanes' header ours.
    public static func guess(_ text: String) -> ImportFormat? {
        let start = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if start.hasPrefix("[") || start.hasPrefix("{") {
            if text.contains("\"uuid\"") { return .taskwarrior }
            if start.hasPrefix("{"), text.contains("\"issues\""), text.contains("\"columns\"") { return .lanes }
            if text.contains("\"number\"") { return .github }
            return nil
        }
        let header = start.prefix { $0 != "\n" && $0 != "\r\n" }
        if header.contains("Issue key") { return .jira }
        if header.hasPrefix("id,title,") { return .csv }
        return nil
    }

    /// Reads `text` into issues; rows that cannot be read become problems and the rest import.
    public func read(_ text: String, statusMap: [String: String] = [:]) throws(BoardError) -> (issues: [ImportedIssue], problems: [ImportProblem]) {
        switch self {
        case .github: return try GitHubImport.read(text)
        case .jira: return JiraImport.read(text, statusMap: statusMap)
        case .taskwarrior: return try TaskwarriorImport.read(text)
        case .csv: return LanesCSVImport.read(text)
        case .lanes: return try LanesJSONImport.read(text)
        }
    }

    /// ISO 8601 (`2026-01-31T08:00:00Z`, with or without fraction or offset) as a timestamp.
    static func isoDate(_ text: String?) -> Timestamp? {
        guard let text, !text.isEmpty else { return nil }
        if let exact = Timestamp.parse(text) { return exact }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
                                                      [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return timestamp(date) }
        }
        return nil
    }

    /// A parsed date as a timestamp, or nil outside years 0–9999 (the log's four-digit years):
    /// a formatter accepts `99999999-01-01`, and converting its milliseconds to Int64 would trap.
    static func timestamp(_ date: Date) -> Timestamp? {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds >= -62_167_219_200_000, milliseconds < 253_402_300_800_000 else { return nil }
        return Timestamp(milliseconds: Int64(milliseconds))
    }

    static func json(_ text: String) throws(BoardError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw .invalid("not valid JSON: \(error.localizedDescription)")
        }
    }
}
