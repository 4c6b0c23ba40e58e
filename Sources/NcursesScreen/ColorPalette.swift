import CNcursesShim
import Screen

/// Maps styles to curses colour pairs, allocating pairs on first use and folding colours down to
/// what the terminal has (256 → 16 → 8 → none), as terminfo reports it.
struct ColorPalette {
    let colors: Int
    let pairs: Int
    let hasColors: Bool
    private var allocated: [PairKey: Int] = [:]

    struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(colors: Int, pairs: Int, hasColors: Bool) {
        self.colors = colors
        self.pairs = pairs
        self.hasColors = hasColors
    }

    /// How a style is shown on this terminal: colour indices (-1 is the terminal's default) and
    /// the attributes to draw with.
    struct Shown: Equatable {
        var foreground: Int
        var background: Int
        var attributes: TextAttributes
    }

    ///
    /// Themes mark the selection with a background shade (color237) and quiet text with greys
    /// (color244). On 8 or 16 colours both fold to black, so the selection vanished on a dark
    /// terminal and ids and borders were drawn in its background colour. Hence three rules:
    /// - a background the terminal cannot show (a 256-colour shade on 8 or 16 colours, any
    ///   colour on vt100) becomes reverse video, which every terminal shows;
    /// - on the terminal's own background, black and white text (its likely background on dark
    ///   and light terminals) is drawn in the terminal's own foreground instead;
    /// - text never takes the colour of the background it sits on.
    func resolve(_ style: Style) -> Shown {
        var attributes = style.attributes
        guard hasColors, colors >= 8 else {
            if style.background != .terminalDefault { attributes.insert(.reverse) }
            return Shown(foreground: -1, background: -1, attributes: attributes)
        }
        if case .indexed(let index) = style.background, index >= 16, Int(index) >= colors {
            attributes.insert(.reverse)
            return Shown(foreground: -1, background: -1, attributes: attributes)
        }
        var foreground = fold(style.foreground)
        let background = fold(style.background)
        if background == -1, foreground == 0 || foreground == 7 { foreground = -1 }
        if foreground != -1, foreground == background { foreground = background == 0 ? 7 : 0 }
        return Shown(foreground: foreground, background: background, attributes: attributes)
    }

    /// The colour pair for a resolved style (0, the terminal's default, without colours).
    mutating func pair(for shown: Shown) -> Int {
        guard hasColors, colors >= 8 else { return 0 }
        let key = PairKey(foreground: shown.foreground, background: shown.background)
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = allocated[key] { return pair }
        let next = allocated.count + 1
        guard next < pairs, next < 32767 else { return 0 }
        guard lanes_init_pair(Int32(next), Int32(key.foreground), Int32(key.background)) == 0 else { return 0 }
        allocated[key] = next
        return next
    }

    /// The colour index to use on this terminal; -1 is the terminal's default.
    func fold(_ color: TerminalColor) -> Int {
        guard case .indexed(let index) = color else { return -1 }
        var value = Int(index)
        if value >= colors && value >= 16 { value = ColorPalette.nearest16(value) }
        if value >= colors && value >= 8 { value -= 8 }
        return value < colors ? value : -1
    }

    /// The nearest of the 16 basic colours to an xterm 256-colour index.
    static func nearest16(_ index: Int) -> Int {
        let (r, g, b): (Int, Int, Int)
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            (r, g, b) = (level, level, level)
        } else {
            let cube = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            (r, g, b) = (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
        }
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        var best = 0
        var bestDistance = Int.max
        for (i, c) in basic.enumerated() {
            let d = (c.0 - r) * (c.0 - r) + (c.1 - g) * (c.1 - g) + (c.2 - b) * (c.2 - b)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}
