/// A terminal colour: the terminal's own default, one of the 256 indexed colours, or none.
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    /// Names accepted in theme and rc files, mapped to the first 16 indexed colours.
    public static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `default`, a colour name, or `color0`…`color255` / `0`…`255`.
    public init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" || lower == "-1" { self = .terminalDefault; return }
        if let index = TerminalColor.names[lower] { self = .indexed(index); return }
        let digits = lower.hasPrefix("color") ? String(lower.dropFirst(5)) : lower
        if let value = Int(digits), (0...255).contains(value) { self = .indexed(UInt8(value)); return }
        return nil
    }
}

/// Text attributes, independent of any terminal library.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)

    public static let names: [String: TextAttributes] = [
        "bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim, "italic": .italic,
        "normal": [],
    ]
}

/// How a cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}
