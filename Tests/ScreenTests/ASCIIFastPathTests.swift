import Testing
@testable import Screen

/// ASCII text is measured and drawn byte by byte; it must come out exactly as the grapheme
/// path gives it. U+0085 (a C1 control: its own cluster, width 0, drawn as nothing) appended
/// to the text sends it down the grapheme path without changing what is drawn.
@Suite struct ASCIIFastPathTests {
    /// Strings of random ASCII bytes, controls, DEL and CR LF included.
    static func samples() -> [String] {
        var state: UInt64 = 42
        func byte() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 57) // 0...127
        }
        return (0..<300).map { index in
            let length = index % 23
            var bytes = (0..<length).map { _ in byte() }.map { $0 == 0 ? UInt8(ascii: "x") : $0 }
            if index % 5 == 0 { bytes += Array("ab\r\ncd".utf8) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func widthsArePerGrapheme() {
        for text in Self.samples() {
            #expect(DisplayWidth.of(text) == DisplayWidth.of(text + "\u{85}"), "\(Array(text.utf8))")
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(Array(text.utf8))")
        }
    }

    @Test func prefixesAndCutsArePerGrapheme() {
        for text in Self.samples() {
            for width in -1...12 {
                let fast = DisplayWidth.prefix(text, fitting: width)
                let slow = DisplayWidth.prefix(text + "\u{85}", fitting: width)
                #expect(fast.width == slow.width && String(fast.text) == String(slow.text.filter { $0 != "\u{85}" }),
                        "\(Array(text.utf8)) in \(width)")
                #expect(DisplayWidth.truncate(text, to: width).filter { $0 != "\u{85}" }
                        == DisplayWidth.truncate(text + "\u{85}", to: width).filter { $0 != "\u{85}" }, "\(Array(text.utf8)) in \(width)")
            }
        }
    }

    @Test func drawingIsPerGrapheme() {
        for text in Self.samples() {
            for (x, limit) in [(0, nil), (3, 9), (-2, nil), (5, 6)] as [(Int, Int?)] {
                var fast = CellGrid(width: 12, height: 1)
                var slow = fast
                fast.put("日本語日本語", x: 0, y: 0, style: .plain) // wide cells the text overwrites in part
                slow.put("日本語日本語", x: 0, y: 0, style: .plain)
                let end = fast.put(text, x: x, y: 0, style: .plain, limit: limit)
                #expect(end == slow.put(text + "\u{85}", x: x, y: 0, style: .plain, limit: limit), "\(Array(text.utf8))")
                #expect(fast == slow, "\(Array(text.utf8)) at \(x)")
            }
        }
    }
}
