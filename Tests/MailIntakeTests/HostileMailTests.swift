import Foundation
import BoardModel
import MailIntake
import Testing

/// Mail built to break a parser, generated here (the 50 MB one is never committed): each is
/// read without crashing, within the limits, and filed as well as it can be.
struct HostileMailTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func tenThousandPartsAreReadUpToTheLimitAndTheTextIsKept() {
        var message = "From: a@example.com\nSubject: parts\nContent-Type: multipart/mixed; boundary=b\n\n"
        for index in 0..<10_000 { message += "--b\nContent-Type: text/plain\n\npart \(index)\n" }
        message += "--b--\n"
        let report = MailReport(HostileMailTests.bytes(message))
        #expect(report.text.hasPrefix("part 0\n\npart 1"))
        #expect(report.text.contains("part \(MailParser.maximumParts - 2)"))
        #expect(report.text.utf8.count <= MailReport.maximumText + 100)
    }

    @Test func nestingAHundredDeepIsReadWithoutRecursingWithoutEnd() {
        var message = "From: a@example.com\nSubject: deep\n"
        for level in 0..<100 { message += "Content-Type: multipart/mixed; boundary=l\(level)\n\n--l\(level)\n" }
        message += "Content-Type: text/plain\n\nthe innermost words\n"
        for level in (0..<100).reversed() { message += "--l\(level)--\n" }
        let report = MailReport(HostileMailTests.bytes(message))
        #expect(report.subject == "deep")
        #expect(report.text.contains("the innermost words"))
    }

    @Test func aFiftyMegabyteMessageIsReadAndItsTextCut() {
        var message = HostileMailTests.bytes("From: a@example.com\nSubject: big\nContent-Type: text/plain\n\n")
        message += HostileMailTests.bytes(String(repeating: String(repeating: "x", count: 99) + "\n", count: 50 << 20 / 100))
        let report = MailReport(message)
        #expect(report.subject == "big")
        #expect(report.text.hasSuffix("longer than 256 KB]"))
        #expect(report.text.utf8.count < MailReport.maximumText + 100)
    }

    @Test func aFiftyMegabyteAttachmentIsListedWithItsSize() {
        var message = HostileMailTests.bytes("From: a@example.com\nSubject: big attachment\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nsee attached\n--b\nContent-Type: application/octet-stream; name=disk.img\nContent-Transfer-Encoding: base64\n\n")
        message += HostileMailTests.bytes(String(repeating: String(repeating: "QUFB", count: 19) + "\n", count: 50 << 20 / 77))
        message += HostileMailTests.bytes("--b--\n")
        let report = MailReport(message)
        #expect(report.text == "see attached")
        #expect(report.attachments.count == 1)
        #expect(report.attachments.first?.name == "disk.img")
        #expect((report.attachments.first?.size ?? 0) > 37 << 20)
    }

    @Test func escapesAndControlCharactersAreRemovedFromEveryHeaderAndTheText() {
        let message = "From: \u{1B}[31mEve\u{7} <eve@example.com>\nSubject: =?UTF-8?B?G1sySg==?=Hi\u{9B}\nContent-Type: text/plain; name=\"\u{1B}x\"\n\n\u{1B}]52;c;AAAA\u{7}text\r\n"
        let report = MailReport(HostileMailTests.bytes(message))
        for text in [report.subject, report.from?.name ?? "", report.text] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) }, "\(text.debugDescription)")
        }
        #expect(report.subject == "[2JHi")
        #expect(report.from?.address == "eve@example.com")
    }

    @Test func aMissingBoundaryOrAnEmptyMessageStillReads() {
        #expect(MailReport(HostileMailTests.bytes("Subject: x\nContent-Type: multipart/mixed\n\nbody\n")).text == "body")
        #expect(MailReport([]).hasHeaders == false)
        #expect(MailReport(HostileMailTests.bytes("just some text\nwithout headers\n")).hasHeaders == false)
    }

    @Test func subjectsLoseReplyPrefixesAndTagsAndTheTeamsReferenceIsFound() {
        #expect(SubjectLine.title("Re: RE[2]: Fwd: AW: [support] [#42] Printer broken") == "Printer broken")
        #expect(SubjectLine.title("WG: SV: Printer broken (fwd)") == "Printer broken")
        #expect(SubjectLine.title("Regarding the printer") == "Regarding the printer")
        #expect(SubjectLine.issueReference("Re: [#42] Printer broken") == 42)
        #expect(SubjectLine.issueReference("[support] Printer [#x]") == nil)
        #expect(SubjectLine.normalised("Re:  Printer   BROKEN") == SubjectLine.normalised("printer broken"))
    }
}

extension HostileMailTests {
    /// Inputs that make a naive scanner quadratic: 200 KB of unterminated encoded-word
    /// starts in a Subject, 600 KB of unclosed HTML comments in a body. Quadratic, they would take hours.
    @Test func pathologicalHeadersAndHTMLStayLinear() {
        let subject = String(repeating: "=?utf-8?Q?", count: 20_000)
        let html = String(repeating: "<!--x>", count: 100_000)
        // This thread's CPU time, not wall time: CI runs every suite at once on two cores, where
        // the same work can wait its turn for longer than it runs.
        func cpuSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        let started = cpuSeconds()
        let report = MailReport(HostileMailTests.bytes("From: a@example.com\nSubject: \(subject)\nContent-Type: text/html\n\n<p>kept</p>\(html)"))
        #expect(report.subject.hasPrefix("=?utf-8?Q?"))
        #expect(report.text == "kept")
        #expect(cpuSeconds() - started < 5)
    }
}
