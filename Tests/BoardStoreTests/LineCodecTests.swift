import Testing
@testable import BoardModel
@testable import BoardStore

@Suite struct LineCodecTests {
    static let awkward = [
        "plain", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash \\n not a newline", "quotes \"' `",
        "日本語のタイトル", "emoji 🎉👩‍💻👍🏽", "control \u{1B}[31m\u{7}\u{0}\u{7F}", "trailing \\", "", " spaces ",
        "c1 \u{9B} bidi \u{202E}", "\\x41 literal",
    ]

    static var everyKind: [EventKind] {
        var kinds: [EventKind] = [
            .columns([Column(id: "a b", name: "A\tB"), Column(id: "z", name: "Zed", isClosing: true)]),
            .moved(from: "todo", to: "doing", rank: 2.5), .prioritised(.urgent),
            .closed(from: "doing", to: "done", rank: 1), .reopened(from: "done", to: "doing", rank: 1e-9),
            .renumbered(from: 13), .imported(key: "jira:WEB-1\t"), .commentDeleted(EventID(0xABCDEF0123456789)),
        ]
        for text in awkward {
            kinds += [.created(title: text, body: text, column: "todo", rank: 3, priority: .low), .retitled(text),
                      .bodyEdited(text), .assigned(text), .unassigned(text), .labelled(text), .unlabelled(text),
                      .commented(text), .commentEdited(EventID(42), text: text)]
        }
        return kinds
    }

    @Test func everyEventRoundTripsAsExactlyOneLine() throws {
        for (index, kind) in LineCodecTests.everyKind.enumerated() {
            let issue: Int
            if case .columns = kind { issue = 0 } else { issue = index + 1 }
            let event = Event(id: .random(), at: Timestamp(milliseconds: 1_780_000_000_123 + Int64(index)),
                              actor: LineCodecTests.awkward[index % LineCodecTests.awkward.count].isEmpty ? "ann" : "a\tb\n日本",
                              issue: issue, kind: kind)
            let bytes = LineCodec.encode(event)
            #expect(bytes.last == 10)
            #expect(bytes.filter { $0 == 10 }.count == 1, "one line per event")
            #expect(!bytes.dropLast().contains { $0 < 0x20 && $0 != 9 }, "no raw control bytes")
            let decoded = try bytes.dropLast().withUnsafeBufferPointer { try LineCodec.decode($0) }
            #expect(decoded == event)
        }
    }

    @Test(arguments: [
        "", "only\tthree\tfields", "id\tnot-a-time\tann\t#1\tcommented\thi",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#x\tcommented\thi", "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tteleported",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tmoved\ta\tb\tNaN", "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tcommented\tbad \\q",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tprioritised\thuge", "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t-\tcommented\thi",
        "i d\t2026-01-01T00:00:00.000Z\tann\t#1\tcommented\thi", "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#0\tcommented\thi",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tcreated\tonly title",
    ])
    func malformedLinesAreErrorsNotCrashes(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(throws: LineError.self) { try bytes.withUnsafeBufferPointer { try LineCodec.decode($0) } }
    }

    @Test func extraTrailingFieldsAreIgnoredForForwardCompatibility() throws {
        let line = Array("00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tcommented\thi\tfuture-field".utf8)
        let event = try line.withUnsafeBufferPointer { try LineCodec.decode($0) }
        #expect(event.kind == .commented("hi"))
    }

    @Test func headerVersion() {
        func version(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer { LineCodec.version(ofHeader: $0) } }
        #expect(version("lanes-log 1") == 1)
        #expect(version("lanes-log 12") == 12)
        #expect(version("lanes-log x") == nil)
        #expect(version("something else") == nil)
    }
}
