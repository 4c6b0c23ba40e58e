import Foundation
import MailIntake
import Testing

/// Every corpus message read by Python's `email` package as well, an independent decoder:
/// subjects, senders and text must agree with Lanes' reading (`Corpus/python-decode.py`).
struct PythonCrossCheckTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Reading: Decodable {
        var file: String
        var subject: String
        var name: String?
        var address: String?
        var kind: String
        var text: String?
    }

    @Test(.enabled(if: python != nil, "python3 is not installed, so there is no independent decoder to compare with"))
    func pythonsEmailPackageReadsEveryCorpusMessageAsLanesDoes() throws {
        let directory = CorpusTests.directory
        let files = CorpusTests.names.map { directory + "/" + $0 + ".eml" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PythonCrossCheckTests.python!)
        process.arguments = [directory + "/python-decode.py"] + files
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let readings = try JSONDecoder().decode([Reading].self, from: data)
        #expect(readings.count == files.count)
        for reading in readings {
            let name = URL(fileURLWithPath: reading.file).lastPathComponent
            let report = MailReport([UInt8](FileManager.default.contents(atPath: reading.file) ?? Data()))
            #expect(PythonCrossCheckTests.agree(report.subject, python: reading.subject), "\(name): subject \(report.subject) vs Python's \(reading.subject)")
            // Python's parser gives up on a From full of control characters (hostile-escapes:
            // no address, or a broken one); Lanes still finds it. Only addresses Python found
            // are compared.
            if let address = reading.address, address.contains("@") {
                #expect(report.from?.address == address, "\(name): sender")
                // Python keeps the space between two adjacent encoded words in a display name,
                // where RFC 2047 §6.2 says to drop it; spaces aside, the names must agree.
                #expect(report.from.map { $0.name.filter { $0 != " " } } == reading.name?.filter { $0 != " " }, "\(name): sender's name")
            } else {
                #expect(report.from == nil || name.hasPrefix("hostile-"), "\(name): Python finds no sender")
            }
            guard let text = reading.text else {
                // A malformed boundary (Python finds no body) or an unknown charset (Python
                // refuses to decode): nothing independent to compare the text with.
                #expect(["none", "unknown-charset"].contains(reading.kind), "\(name)")
                continue
            }
            let ours = report.text.split(whereSeparator: \.isWhitespace).map(String.init)
            // Words Python could not decode (U+FFFD: 8-bit bytes in a message that declares no
            // charset, which Lanes reads as Windows-1252) are left out.
            let theirs = text.split(whereSeparator: \.isWhitespace).map(String.init).filter { !$0.contains("\u{FFFD}") }
            if reading.kind == "plain", !text.contains("\u{FFFD}") {
                #expect(ours == theirs, "\(name): text")
            } else {
                // HTML: Lanes adds list markers and link targets; Python's words must all be there, in order.
                #expect(PythonCrossCheckTests.isSubsequence(theirs, of: ours), "\(name): text \(ours) vs Python's \(theirs)")
            }
        }
    }

    /// Equal, where Python's U+FFFD (a charset it does not know) stands for any one character.
    static func agree(_ ours: String, python: String) -> Bool {
        let (a, b) = (Array(ours), Array(python))
        return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || $1 == "\u{FFFD}" }
    }

    static func isSubsequence(_ needle: [String], of haystack: [String]) -> Bool {
        var rest = haystack[...]
        for word in needle {
            guard let found = rest.firstIndex(where: { $0.contains(word) }) else { return false }
            rest = rest[(found + 1)...]
        }
        return true
    }
}
