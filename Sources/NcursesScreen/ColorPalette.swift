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

    mutating func pair(for style: Style) -> Int {
        guard hasColors, colors >= 8 else { return 0 }
        let key = PairKey(foreground: fold(style.foreground), background: fold(style.background))
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
