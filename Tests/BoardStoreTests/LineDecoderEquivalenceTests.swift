import Testing
@testable import BoardModel
@testable import BoardStore

/// The byte-level decoder (`LineCodec.decode` with `LineKind` and `LineArguments`) must decode
/// every line exactly as the previous one did (`PreviousLineCodec`): the same event, every
/// field, or the same error message. Lines are random: real events written by the encoder
/// (awkward text, escapes, non-ASCII), the same cut short and with bytes changed, and lines
/// assembled from fields chosen to sit on every edge the fast paths draw (kinds one byte off,
/// ranks with signs, exponents, leading zeros and sixteen digits, escaped digits and names,
/// invalid UTF-8).
@Suite struct LineDecoderEquivalenceTests {
    static let seeds: [UInt64] = [1, 42, 2026]

    static let kinds = ["columns", "created", "retitled", "body-edited", "moved", "assigned", "unassigned", "labelled",
                        "unlabelled", "prioritised", "commented", "closed", "reopened", "imported", "comment-edited",
                        "comment-deleted", "due", "snoozed", "reported", "renumbered", "linked", "unlinked", "archived",
                        "unarchived", "deleted", "restored", "column-added", "column-renamed", "column-moved",
                        "column-removed", "column-wip", "column-closing",
                        // near misses
                        "Created", "create", "createdd", "created ", "cre\\x61ted", "moves", "dua", "linkeD", "comment-edite",
                        "comment-deleteD", "prioritized", "", "-", "column-", "Commented", "unlinke", "snoozeD", "body_edited"]
    static let ranks = ["0", "1", "7", "007", "-3", "-0", "+5", "1.5", "2.50", "1e-9", "1e300", "1e400", "-1e400", "nan", "inf",
                        "123456789012345", "999999999999999", "1234567890123456", "9007199254740993", "99999999999999999999",
                        "", " 1", "1 ", "\\x31", "1\\x30", "0x10", "1_000", "٣", "１"]
    static let priorities = ["urgent", "high", "medium", "low", "none", "Urgent", "HIGH", "lo", "lowe", "nonE", "\\x6cow",
                             "medi\\x75m", "", "urgen", "mediums"]
    static let dates = ["-", "2026-02-28", "2028-02-29", "2026-13-01", "2026-1-01", "\\x2d", "", "2026-02-28x", "0000-01-01"]
    static let issues = ["#1", "#42", "-", "#0", "#", "#abc", "#12345678901", "#999999999", "1", "--", "#-1"]
    static let texts = ["plain", "", "a\\tb", "a\\nb\\r", "\\\\", "\\", "\\q", "\\x4", "\\xzz", "\\x41\\x7f", "日本語 🎉", "closing",
                        "clos\\x69ng", "on", "off", "blocks", "relates-to", "duplicates", "blocked-by", "x", "#7", "#x",
                        "0123456789abcdef", "0123456789ABCDEF", "0123456789abcdeg", "c1", "3", "-"]
    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC3], [0xE6, 0x97], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]

    /// One random line's bytes (no newline).
    static func randomLine(_ random: inout SeededGenerator) -> [UInt8] {
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        func pick(_ values: [String]) -> [UInt8] { Array(values[below(values.count)].utf8) }
        switch below(4) {
        case 0, 1:
            // A real event, written by the encoder, then perhaps cut short or changed.
            let kinds = LineCodecTests.everyKind
            let kind = kinds[below(kinds.count)]
            let event = Event(id: EventID(random.next()), at: Timestamp(milliseconds: Int64(random.next() % 4_000_000_000_000)),
                              actor: LineCodecTests.awkward[below(LineCodecTests.awkward.count)],
                              issue: kind.isBoardWide ? 0 : 1 + below(100_000), kind: kind)
            var line = LineCodec.encode(event)
            line.removeLast() // the newline
            switch below(4) {
            case 0: line = Array(line.prefix(below(line.count + 1))) // torn
            case 1 where !line.isEmpty: line[below(line.count)] = UInt8(truncatingIfNeeded: random.next())
            case 2 where !line.isEmpty: line.insert(contentsOf: invalidUTF8[below(invalidUTF8.count)], at: below(line.count))
            default: break
            }
            return line
        default:
            // Fields chosen one by one, mostly in a line's order.
            var fields: [[UInt8]] = [
                below(10) == 0 ? pick(texts) : Array(EventID(random.next()).description.utf8),
                below(10) == 0 ? pick(["2026-11-30", "2026-11-30T10:00:00Z", "2026-11-30T10:00:00.123Z", "x", "2026-13-30T10:00:00.000Z"])
                    : Array(Timestamp(milliseconds: Int64(random.next() % 4_000_000_000_000)).iso8601.utf8),
                below(8) == 0 ? invalidUTF8[below(invalidUTF8.count)] : pick(["ann", "bob", "a\\tb", "日本", "\\", ""]),
                pick(issues),
                pick(kinds),
            ]
            for _ in 0..<below(9) {
                switch below(6) {
                case 0: fields.append(pick(ranks))
                case 1: fields.append(pick(priorities))
                case 2: fields.append(pick(dates))
                case 3: fields.append(pick(issues))
                case 4: fields.append(invalidUTF8[below(invalidUTF8.count)] + pick(texts))
                default: fields.append(pick(texts))
                }
            }
            // Now and then a line whose argument fields make the kind's usual shape.
            if below(3) == 0, fields.count >= 5 {
                fields.removeSubrange(5...)
                fields += [pick(texts), pick(texts), pick(texts), pick(ranks), pick(priorities)].prefix(below(6))
            }
            fields = Array(fields.prefix(below(12) == 0 ? below(fields.count + 1) : fields.count))
            return Array(fields.joined(separator: [9]))
        }
    }

    /// The same event, compared field by field through its description too (`==` takes -0.0 for 0.0).
    static func outcome(_ decode: (UnsafeBufferPointer<UInt8>) throws(LineError) -> Event, _ line: [UInt8]) -> String {
        line.withUnsafeBufferPointer { bytes in
            do throws(LineError) {
                let event = try decode(bytes)
                return "event \(String(reflecting: event))"
            } catch {
                return "error \(error.message)"
            }
        }
    }

    @Test(arguments: seeds)
    func everyLineDecodesAsThePreviousDecoderDecodedIt(_ seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var decoded = 0, failed = 0
        for _ in 0..<8_000 {
            let line = LineDecoderEquivalenceTests.randomLine(&random)
            let new = LineDecoderEquivalenceTests.outcome(LineCodec.decode, line)
            let old = LineDecoderEquivalenceTests.outcome(PreviousLineCodec.decode, line)
            if new.hasPrefix("event") { decoded += 1 } else { failed += 1 }
            if new != old {
                Issue.record("line \(line): new \(new), previous \(old)")
                return
            }
        }
        #expect(decoded > 1_500 && failed > 1_500, "the lines exercise both outcomes: \(decoded) decoded, \(failed) refused")
    }

    /// A whole chunk of such lines, torn last line included, read by `LogReader`: the same events
    /// at the same line starts and the same problems on the same line numbers as the previous
    /// decoder gives line by line.
    @Test(arguments: seeds)
    func aChunkOfRandomLinesReadsAsThePreviousDecoderReadIt(_ seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var lines = (0..<1_500).map { _ in LineDecoderEquivalenceTests.randomLine(&random) }
        lines = lines.filter { !$0.contains(10) && $0.last != 13 }
        var bytes = Array(LineCodec.header.utf8) + [10]
        var expected: [String] = []
        for (index, line) in lines.enumerated() {
            let start = bytes.count
            bytes += line + [10]
            if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
            let outcome = LineDecoderEquivalenceTests.outcome(PreviousLineCodec.decode, line)
            expected.append(outcome.hasPrefix("event") ? "\(start) \(outcome)" : "line \(index + 2): \(outcome.dropFirst(6))")
        }
        let torn = Array("0123456789abcdef\t2026-11-30T10:00:00.000Z\tann\t#1\tcomm".utf8) // no newline
        bytes += torn
        var reader = LogReader(path: "events", nextLine: 1)
        var events: [(Int, Event)] = []
        let chunk = bytes.withUnsafeBufferPointer { reader.read($0) { events.append(($1, $0)) } }
        var problems = chunk.problems.makeIterator()
        var eventsRead = events.makeIterator()
        for line in expected {
            if line.hasPrefix("line ") {
                let problem = problems.next()
                #expect(problem.map { "line \($0.line): \($0.message)" } == line)
            } else {
                let read = eventsRead.next()
                #expect(read.map { "\($0.0) event \(String(reflecting: $0.1))" } == line)
            }
        }
        #expect(problems.next() == nil && eventsRead.next() == nil)
        #expect(chunk.incomplete == torn.count && reader.nextLine == lines.count + 2)
    }
}
