import Foundation
import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import Keymap

/// rc files and queries are parsed in time linear in their length, and a 1 MB line (refused:
/// longer than any rc line or query may be) takes well under a second. Serialized: timings.
@Suite(.serialized) struct ParserGrowthTests {
    /// CPU seconds of this thread for the fastest of `runs` runs of `work` (the fastest is the
    /// least disturbed). CPU time, not wall time: CI runs every suite at once on two cores,
    /// where the same work can wait its turn for longer than it runs.
    func seconds(runs: Int = 3, _ work: () -> Void) -> Double {
        (0..<runs).map { _ in
            let start = ParserGrowthTests.threadCPUSeconds()
            work()
            return ParserGrowthTests.threadCPUSeconds() - start
        }.min()!
    }

    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Times `work` on `small` and on ten times as many bytes: linear parsing takes about ten
    /// times as long, quadratic a hundred (and stops at the first bound).
    func expectLinear(_ what: String, small: Int, _ work: (Int) -> Void) throws {
        let short = seconds { work(small) }
        try #require(short < 0.5, "\(what): \(small) bytes took \(short) s")
        let long = seconds(runs: 2) { work(small * 10) }
        #expect(long < 40 * short + 0.2, "\(what): \(small) bytes took \(short) s, ten times as many \(long) s: not linear")
    }

    func parseRC(_ text: String) -> RCFile {
        let file = RCFile.parse(text, file: "lanesrc")
        var builder = KeymapBuilder()
        builder.apply(file, name: "lanesrc")
        return file
    }

    @Test func aMegabyteLineIsRefusedWellUnderASecond() {
        let megabyte = 1 << 20
        for line in ["bind board " + String(repeating: "<C-", count: megabyte / 3) + " help",
                     "view big " + String(repeating: "label:bug ", count: megabyte / 10)] {
            var file = RCFile()
            #expect(seconds(runs: 1) { file = parseRC("set mouse off\n" + line + "\nset mouse on\n") } < 0.5)
            #expect(file.errors.map(\.description) == ["lanesrc:2: the line is \(line.utf8.count) bytes long; an rc line is at most 16384"])
            #expect(file.directives.count == 2, "the lines around it still load")
        }
        let query = String(repeating: "label:bug ", count: megabyte / 10)
        #expect(seconds(runs: 1) { #expect(throws: BoardError.self) { try Query.parse(query, me: "ann") } } < 0.5)
    }

    @Test func keyNamesParseInLinearTime() throws {
        try expectLinear("bind board <C-<C-…", small: 1_600) { size in
            #expect(parseRC("bind board " + String(repeating: "<C-", count: size / 3) + " help\n").errors.count == 1, "too many keys")
        }
        try expectLinear("bind board <C-a><C-a>…", small: 1_600) { size in
            #expect(parseRC("bind board " + String(repeating: "<C-a>", count: size / 5) + " help\n").errors.count == 1)
        }
        try expectLinear("bind board <<<…>", small: 1_600) { size in
            #expect(parseRC("bind board " + String(repeating: "<", count: size) + "> help\n").errors.count == 1)
        }
    }

    @Test func manyBindLinesParseInLinearTime() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        try expectLinear("many bind lines", small: 20_000) { size in
            var text = ""
            var index = 0
            while text.utf8.count < size {
                let keys = String([letters[index % 26], letters[index / 26 % 26], letters[index / 676 % 26], letters[index / 17_576 % 26]])
                text += "bind board " + keys + " help\n"
                index += 1
            }
            #expect(parseRC(text).errors.isEmpty)
        }
    }

    @Test func queriesParseInLinearTime() throws {
        try expectLinear("query words", small: 1_600) { size in
            #expect(throws: Never.self) { try Query.parse(String(repeating: "label:bug -is:closed \"two words\" ", count: size / 34), me: "ann") }
        }
        try expectLinear("one query word", small: 1_600) { size in
            #expect(throws: BoardError.self) { try Query.parse("updated:<" + String(repeating: "9", count: size) + "d", me: "ann") }
        }
    }
}
