import Foundation
import Screen
import Testing

/// `lanes list`'s table through the index (rows decoded, matched and measured on the table's
/// core past the first ones: `ListedRow`, `TextTable.add(sanitizing:)`, `DisplayWidth.plainWidth`)
/// on titles, names and labels of hostile and awkward text: control bytes, C1, bidi overrides
/// and isolates, zero-width characters, combining marks, wide, fullwidth, halfwidth and
/// ambiguous characters, emoji sequences. At any terminal width (a pty) and with `LANG=C`, it
/// must print what the whole board's table prints, and nothing the sanitiser replaces.
@Suite struct HostileListTableTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    /// A cache "directory" that is a file: no index can be kept, so the board is read whole.
    var withoutIndex: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }

    static let pieces = ["a", "Z", " ", ",", "日本", "한", "カナ", "か\u{3099}", "ｶ\u{FF9E}", "Ａ", "\u{3000}", "±", "①", "e\u{301}",
                         "\u{301}", "\u{1100}\u{1161}", "\u{0}", "\u{7}", "\t", "\n", "\r\n", "\u{1B}[2J", "\u{1B}]52;c;eA==\u{7}",
                         "\u{7F}", "\u{85}", "\u{9B}31m", "\u{202E}", "\u{2066}x\u{2069}", "\u{200E}", "\u{2028}", "\u{200B}",
                         "\u{200D}", "\u{FEFF}", "\u{AD}", "👩\u{200D}💻", "👍\u{1F3FD}", "🇯🇵", "#\u{FE0F}\u{20E3}", "\u{600}1", "𠀋"]

    /// Text as a field of a log line (`FieldEscaping`: backslash, tab, newline, CR and other controls escaped).
    static func field(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00...0x1F, 0x7F: out += "\\x" + String(format: "%02x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// 400 issues (more than the table's first rows on this core) of random hostile titles, names and labels.
    func board() throws {
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        var random = SystemRandomNumberGenerator()
        func text() -> String { (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined() }
        var lines = ""
        for number in 1...400 {
            func line(_ suffix: Int, _ rest: String) {
                lines += String(UInt64(0x3000_0000_0000_0000) + UInt64(number * 4 + suffix), radix: 16)
                    + "\t2026-11-\(10 + number % 15)T10:00:00.000Z\tann\t#\(number)\t\(rest)\n"
            }
            line(0, "created\t\(Self.field(text()))\t\tbacklog\t\(number)\tnone")
            if number % 2 == 0 { line(1, "assigned\t\(Self.field("u" + text()))") }
            if number % 3 == 0 { line(2, "labelled\t\(Self.field("l" + text()))") }
        }
        let handle = try #require(FileHandle(forWritingAtPath: scratch.path + "/.lanes/events"))
        handle.seekToEndOfFile()
        handle.write(Data(lines.utf8))
        try handle.close()
    }

    /// `lanes list` on a terminal `width` columns wide (a pty), or into a pipe.
    func list(width: Int?, lang: String, whole: Bool) throws -> LanesProcess.Result {
        let environment = ["LANG": lang].merging(whole ? withoutIndex : [:]) { $1 }
        guard let width else { return try lanes.run(["list"], extraEnvironment: environment) }
        return try lanes.run(["/usr/bin/script", "-qec", "stty cols \(width) rows 40; exec \(LanesProcess.binary) list", "/dev/null"],
                             extraEnvironment: environment, direct: true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script"))
    func theTableOfHostileTextThroughTheIndexIsTheWholeBoardsAtEveryWidth() throws {
        try board()
        let first = try list(width: nil, lang: "C.UTF-8", whole: false)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 401, "every issue listed")
        for lang in ["C.UTF-8", "C"] {
            for width in [nil, 24, 57, 200] as [Int?] {
                let comment: Comment = "LANG=\(lang), width \(String(describing: width))"
                let indexed = try list(width: width, lang: lang, whole: false), whole = try list(width: width, lang: lang, whole: true)
                #expect(indexed.status == 0 && whole.status == 0, comment)
                #expect(indexed.stdout == whole.stdout, comment)
                #expect(!indexed.stdout.unicodeScalars.contains { !"\r\n".unicodeScalars.contains($0) && Sanitizer.placeholder(for: $0) != nil },
                        "\(comment): a character the sanitiser replaces was printed")
                if let width {
                    let lines = indexed.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                    #expect(lines.count == 401 && lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(comment): whole rows cut to the terminal")
                }
            }
        }
    }
}
