import Testing
@testable import NcursesScreen
import BoardViews
import Screen

/// The colour folding on the terminals people actually have: 8 colours (PuTTY's and `screen`'s
/// default), 16, 256, and none (vt100); every built-in theme.
@Suite struct ColorPaletteTests {
    static let terminals: [(name: String, palette: ColorPalette)] = [
        ("8 colours", ColorPalette(colors: 8, pairs: 64, hasColors: true)),
        ("16 colours", ColorPalette(colors: 16, pairs: 256, hasColors: true)),
        ("256 colours", ColorPalette(colors: 256, pairs: 32767, hasColors: true)),
        ("no colours", ColorPalette(colors: 0, pairs: 0, hasColors: false)),
    ]
    /// Every built-in theme, each also as `NO_COLOR` makes it.
    static let themes = ["default", "light", "high-contrast", "mono"].flatMap { [$0, $0 + " NO_COLOR"] }

    func theme(_ name: String) -> Theme {
        name.hasSuffix(" NO_COLOR") ? Theme.named(String(name.dropLast(9))).withoutColors : Theme.named(name)
    }

    /// Black is what most terminals use as their background (white on light ones): text on the
    /// terminal's own background is never drawn in either.
    @Test(arguments: themes)
    func noTextInTheBackgroundColour(theme name: String) {
        let theme = theme(name)
        for (terminal, palette) in ColorPaletteTests.terminals {
            for element in Theme.Element.allCases {
                let shown = palette.resolve(theme[element])
                if shown.background == -1, !shown.attributes.contains(.reverse) {
                    #expect(shown.foreground != 0 && shown.foreground != 7,
                            "\(element.rawValue) in \(name) on \(terminal) is drawn in \(shown.foreground) on the default background")
                }
                #expect(shown.foreground == -1 || shown.foreground != shown.background,
                        "\(element.rawValue) in \(name) on \(terminal): text colour equals its background")
            }
        }
    }

    /// The selected card, list row and column header differ from the unselected ones by more
    /// than boldness: a colour the terminal really shows, or reverse video.
    @Test(arguments: themes)
    func theSelectionIsUnmistakable(theme name: String) {
        let theme = theme(name)
        let pairs: [(Theme.Element, Theme.Element)] = [(.cardSelected, .card), (.listSelected, .card), (.headerSelected, .header)]
        for (terminal, palette) in ColorPaletteTests.terminals {
            for (selected, plain) in pairs {
                let on = palette.resolve(theme[selected]), off = palette.resolve(theme[plain])
                let reversed = on.attributes.contains(.reverse) != off.attributes.contains(.reverse)
                let shaded = on.background != off.background && on.background != -1 && on.background != 0
                #expect(reversed || shaded, "\(selected.rawValue) in \(name) on \(terminal) looks like \(plain.rawValue): \(on) vs \(off)")
            }
        }
    }

    @Test func colorsTheTerminalHasAreKept() {
        let palette = ColorPalette(colors: 256, pairs: 32767, hasColors: true)
        let shown = palette.resolve(Style(foreground: .indexed(244), background: .indexed(237), attributes: .bold))
        #expect(shown.foreground == 244 && shown.background == 237 && shown.attributes == .bold)
        let eight = ColorPalette(colors: 8, pairs: 64, hasColors: true)
        #expect(eight.resolve(Style(foreground: .indexed(9))).foreground == 1, "bright red folds to red")
        #expect(eight.resolve(Style(foreground: .indexed(0), background: .indexed(6))).foreground == 0, "black on cyan stays")
    }
}
