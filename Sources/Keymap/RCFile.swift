import BoardModel
import BoardQuery
import BoardInteraction
import Screen

/// One meaningful line of an rc file (`lanesrc` or a theme).
public enum RCDirective: Equatable, Sendable {
    case bind(KeyContext, [Key], Command)
    case color(element: String, foreground: TerminalColor, background: TerminalColor, attributes: TextAttributes)
    case set(name: String, values: [String])
    case view(name: String, query: String)
}

/// The result of reading rc text: directives in order, and problems.
public struct RCFile: Sendable {
    public var directives: [(line: Int, directive: RCDirective)] = []
    public var errors: [FileProblem] = []

    /// Parses tigrc/muttrc-style lines: `bind CONTEXT KEY COMMAND [ARG…]`, `unbind CONTEXT KEY`,
    /// `color ELEMENT FG BG [ATTR…]`, `set NAME VALUE…`, `view NAME QUERY…`. `#` starts a comment.
    /// Linear in the text; a line longer than `maximumLineLength` bytes is refused unread.
    public static func parse(_ text: String, file: String) -> RCFile {
        var result = RCFile()
        // Split on bytes: a newline is never part of a longer UTF-8 sequence, and this is far
        // cheaper than splitting Characters.
        for (offset, raw) in text.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            guard raw.count <= maximumLineLength else {
                result.errors.append(FileProblem(file: file, line: number, message:
                    "the line is \(raw.count) bytes long; an rc line is at most \(maximumLineLength)"))
                continue
            }
            let words = RCFile.words(String(Substring(raw)))
            guard let keyword = words.first else { continue }
            do {
                result.directives.append((number, try directive(keyword: keyword, arguments: Array(words.dropFirst()))))
            } catch {
                result.errors.append(FileProblem(file: file, line: number, message: error.description))
            }
        }
        return result
    }

    static func directive(keyword: String, arguments: [String]) throws(BoardError) -> RCDirective {
        switch keyword {
        case "bind", "unbind":
            let needed = keyword == "bind" ? 3 : 2
            guard arguments.count >= needed else {
                throw .invalid(keyword == "bind" ? "usage: bind CONTEXT KEY COMMAND [ARGUMENT]" : "usage: unbind CONTEXT KEY")
            }
            guard let context = KeyContext(rawValue: arguments[0]) else {
                throw .invalid("unknown context \"\(arguments[0])\"; contexts are: \(KeyContext.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let keys = KeyNotation.parse(arguments[1]) else { throw .invalid("unknown key \"\(arguments[1])\"") }
            guard keys.count <= maximumKeys else {
                throw .invalid("a binding is at most \(maximumKeys) keys long; this one has \(keys.count)")
            }
            let command = keyword == "bind" ? try Command.parse(arguments[2...].joined(separator: " ")) : Command(.none)
            return .bind(context, keys, command)
        case "color":
            guard arguments.count >= 3 else { throw .invalid("usage: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE…]") }
            guard let foreground = TerminalColor(name: arguments[1]) else { throw .invalid("unknown colour \"\(arguments[1])\"") }
            guard let background = TerminalColor(name: arguments[2]) else { throw .invalid("unknown colour \"\(arguments[2])\"") }
            var attributes: TextAttributes = []
            for word in arguments.dropFirst(3) {
                guard let attribute = TextAttributes.names[word.lowercased()] else {
                    throw .invalid("unknown attribute \"\(word)\"; use \(TextAttributes.names.keys.sorted().joined(separator: ", "))")
                }
                attributes.formUnion(attribute)
            }
            return .color(element: arguments[0], foreground: foreground, background: background, attributes: attributes)
        case "set":
            guard arguments.count >= 2 else { throw .invalid("usage: set NAME VALUE") }
            return .set(name: arguments[0], values: Array(arguments.dropFirst()))
        case "view":
            guard arguments.count >= 2 else { throw .invalid("usage: view NAME QUERY") }
            return .view(name: arguments[0], query: arguments.dropFirst().joined(separator: " "))
        default:
            throw .invalid("unknown directive \"\(keyword)\"; use bind, unbind, color, set or view")
        }
    }

    /// The longest line read, in bytes: far more than any real `bind`, `color`, `set` or
    /// `view` line, and short enough that any line parses at once.
    public static let maximumLineLength = Query.maximumLength

    /// The longest key sequence a binding may have: nobody types more, and it bounds the
    /// prefix checks each binding costs (`KeymapBuilder`).
    public static let maximumKeys = 8

    /// Splits on spaces, honouring "double quotes"; `#` outside quotes starts a comment.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var hasWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                hasWord = true
            } else if !quoted, character == "#", !hasWord || current.isEmpty {
                break
            } else if !quoted, character == " " || character == "\t" || character == "\r" {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}
