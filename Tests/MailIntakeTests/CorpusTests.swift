import BoardModel
import Foundation
import MailIntake
import Testing

/// The corpus under `Corpus/`: each `NAME.eml` with `NAME.expected`, lines of `key: value`:
/// `title`, `reporter` (`none` for no sender), `contains`/`lacks` (the filed text),
/// `attachment: NAME TYPE SIZE`, `message-id: generated`, `no-controls: yes`; for replies
/// `reply-to` (the Message-ID it answers), `subject-issue` (its `[#N]`), `shows` (in the
/// folded view) and `folds` (kept in the event, folded away).
struct CorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func message(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: directory + "/" + name + ".eml") ?? Data())
    }

    static func expectations(_ name: String) -> [(key: String, value: String)] {
        let text = (try? String(contentsOfFile: directory + "/" + name + ".expected", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[colon...].dropFirst()).trimmingSpaces)
        }
    }

    @Test func theCorpusCoversEveryKindOfMessageTheIssueNames() {
        let names = Set(CorpusTests.names)
        for needed in ["plain", "html-only", "multipart-attachments", "charset-latin1", "charset-latin9", "charset-cp1252",
                       "charset-iso2022jp", "charset-shiftjis", "charset-gb2312", "charset-gbk", "charset-utf8", "encoded-words",
                       "reply-gmail", "reply-outlook", "reply-thunderbird-de", "reply-apple-signature", "hostile-escapes",
                       "hostile-malformed-boundary", "hostile-missing-from", "hostile-invalid-charset"] {
            #expect(names.contains(needed), "the corpus lacks \(needed).eml")
        }
        for name in names { #expect(!CorpusTests.expectations(name).isEmpty, "\(name).eml has no \(name).expected") }
    }

    @Test func everyReportIsFiledAsExpected() throws {
        var state = BoardState()
        for name in CorpusTests.names where !name.hasPrefix("reply-") {
            let report = MailReport(CorpusTests.message(name))
            let (outcome, _) = try IntakePlan.events(for: report, attachmentList: [], options: .init(merge: false, actor: "intake"),
                                                     into: &state)
            guard case .created(let number) = outcome, let issue = state.issues[number] else {
                Issue.record("\(name): not created but \(outcome)")
                continue
            }
            for (key, value) in CorpusTests.expectations(name) {
                switch key {
                case "title": #expect(issue.title == value, "\(name)")
                case "reporter": #expect((issue.reporter ?? "none") == value, "\(name)")
                case "contains": #expect(issue.body.contains(value), "\(name): \(issue.body)")
                case "lacks": #expect(!issue.body.contains(value), "\(name): \(issue.body)")
                case "message-id": #expect(report.messageID.hasSuffix("@content.lanes"), "\(name)")
                case "attachment":
                    let found = report.attachments.map { "\($0.name) \($0.type) \($0.size)" }
                    #expect(found.contains(value), "\(name): \(found)")
                case "no-controls":
                    for text in [issue.title, issue.body, issue.reporter ?? ""] {
                        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}" },
                                "\(name): \(text.debugDescription)")
                    }
                default: Issue.record("\(name).expected: unknown key \(key)")
                }
            }
        }
    }

    @Test func everyReplyBecomesAFoldedCommentOnItsIssue() throws {
        var state = BoardState()
        let threads = ["plain", "multipart-attachments", "encoded-words", "no-subject"]
        for name in threads {
            _ = try IntakePlan.events(for: MailReport(CorpusTests.message(name)), attachmentList: [],
                                      options: .init(actor: "intake"), into: &state)
        }
        for name in CorpusTests.names where name.hasPrefix("reply-") {
            let report = MailReport(CorpusTests.message(name))
            let (outcome, events) = try IntakePlan.events(for: report, attachmentList: [], options: .init(actor: "intake"), into: &state)
            guard case .replied(let number, reopened: false) = outcome, let issue = state.issues[number] else {
                Issue.record("\(name): not a reply but \(outcome)")
                continue
            }
            let comment = events.compactMap { event -> String? in
                if case .commented(let text) = event.kind { return text } else { return nil }
            }.first ?? ""
            #expect(events.allSatisfy { $0.actor == report.from?.address }, "\(name): the comment is the sender's")
            for (key, value) in CorpusTests.expectations(name) {
                switch key {
                case "title": #expect(issue.title == value, "\(name)")
                case "reply-to": #expect(report.references.first == value, "\(name)")
                case "subject-issue": #expect(number == Int(value), "\(name)")
                case "shows": #expect(QuoteFold.folded(comment).contains(value), "\(name): \(comment)")
                case "folds":
                    #expect(comment.contains(value), "\(name): kept in the event")
                    #expect(!QuoteFold.folded(comment).contains(value), "\(name): folded in the view: \(QuoteFold.folded(comment))")
                default: Issue.record("\(name).expected: unknown key \(key)")
                }
            }
        }
    }
}
