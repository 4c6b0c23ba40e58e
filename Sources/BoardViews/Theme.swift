import BoardModel
import Keymap
import Screen

/// Styles for every element the views draw, read from `color` lines.
public struct Theme: Sendable {
    /// Every element a theme can colour; docs/configuration.md lists them.
    public enum Element: String, CaseIterable, Sendable {
        case `default`, header, headerSelected = "header-selected", wipExceeded = "wip-exceeded", border
        case card, cardSelected = "card-selected", cardID = "card-id", label, assignee, unassigned, stale
        case priorityUrgent = "priority-urgent", priorityHigh = "priority-high"
        case priorityMedium = "priority-medium", priorityLow = "priority-low"
        case status, statusError = "status-error", prompt
        case listHeader = "list-header", listSelected = "list-selected"
        case issueTitle = "issue-title", issueField = "issue-field"
        case timelineTime = "timeline-time", timelineActor = "timeline-actor"
        case helpSection = "help-section", helpKey = "help-key", dim, marked
        case markdownHeading = "markdown-heading", markdownCode = "markdown-code"
        case markdownQuote = "markdown-quote", markdownLink = "markdown-link"
    }

    public private(set) var styles: [Element: Style] = [:]

    public init() {}

    public subscript(element: Element) -> Style {
        styles[element] ?? styles[.default] ?? .plain
    }

    /// Applies `color` directives; unknown elements are errors naming the element.
    public mutating func apply(_ file: RCFile, name: String) -> [FileProblem] {
        var errors: [FileProblem] = []
        for (line, directive) in file.directives {
            guard case let .color(elementName, foreground, background, attributes) = directive else { continue }
            guard let element = Element(rawValue: elementName) else {
                errors.append(FileProblem(file: name, line: line, message: "unknown element \"\(elementName)\" in color"))
                continue
            }
            styles[element] = Style(foreground: foreground, background: background, attributes: attributes)
        }
        return errors
    }

    /// The themes shipped in themes/, embedded in the binary.
    public static let builtin: [String: String] = [
        "default": String(decoding: PackageResources.default_theme, as: UTF8.self),
        "light": String(decoding: PackageResources.light_theme, as: UTF8.self),
        "high-contrast": String(decoding: PackageResources.high_contrast_theme, as: UTF8.self),
        "mono": String(decoding: PackageResources.mono_theme, as: UTF8.self),
    ]

    /// A built-in theme by name (the default theme if unknown).
    public static func named(_ name: String) -> Theme {
        var theme = Theme()
        _ = theme.apply(RCFile.parse(builtin[name] ?? builtin["default"]!, file: "themes/\(name).theme"), name: name)
        return theme
    }

    /// The same theme without colours, for `NO_COLOR` and terminals without colour.
    public var withoutColors: Theme {
        var copy = self
        for (element, style) in styles {
            copy.styles[element] = Style(attributes: style.attributes)
        }
        // Selection must stay visible without colour.
        for element in [Element.cardSelected, .listSelected, .headerSelected, .status] {
            copy.styles[element]?.attributes.insert(.reverse)
        }
        return copy
    }
}
