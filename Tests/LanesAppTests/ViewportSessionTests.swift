import Testing
@testable import BoardModel
@testable import LanesApp
import Screen

/// The selection stays on screen whatever the terminal does to the window.
@Suite struct ViewportSessionTests {
    @Test func aResizeKeepsTheSelectedCardOnScreen() throws {
        let h = try SessionHarness((1...40).map { .create(title: "card \($0)", column: "backlog") })
        h.screen.resize(width: 120, height: 35)
        h.type("G")
        #expect(h.screenText.contains("#40 card 40"))
        for (width, height) in [(80, 24), (40, 12), (200, 50), (41, 13), (120, 35)] {
            h.screen.resize(width: width, height: height)
            h.type("")
            #expect(h.screenText.contains("#40 card"), "#40 off screen at \(width)×\(height):\n\(h.screenText)")
        }
        h.type("g")
        h.screen.resize(width: 40, height: 12)
        h.type("")
        #expect(h.screenText.contains("#1 card 1"), "\(h.screenText)")
    }
}
