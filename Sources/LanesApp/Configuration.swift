#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardQuery
import BoardStore
import BoardViews
import Keymap
import Screen

/// What the rc files say: keymap, theme, display settings, saved views, and any bad lines.
///
/// Read in order: the built-in bindings, `$XDG_CONFIG_HOME/lanes/lanesrc` (default
/// `~/.config/lanes/lanesrc`), then the board's own `.lanes/lanesrc`. A bad line is reported as
/// `FILE:LINE: message` and the rest still loads.
public struct Configuration {
    public var keymap = Keymap()
    public var theme = Theme()
    public var settings = ViewSettings()
    public var views: [SavedView] = []
    /// The built-in views and the rc files' ones, in number-key order.
    public var savedViews: [SavedView] { SavedView.merged(views) }
    public var errors: [FileProblem] = []
    public var themeName = "default"
    /// `set mouse off` turns mouse reporting off (so the terminal's own selection works).
    public var mouse = true
    /// `set swimlanes assignee`: the board's grouping when it opens.
    public var swimlanes = Swimlanes.none
    /// `set attachment-limit 10M`: mail attachments up to this many bytes are saved under
    /// `.lanes/attachments/` by `lanes intake`; larger ones are only listed.
    public var attachmentLimit = 10 << 20

    /// Loads the given rc files (missing files are skipped). `environment` decides NO_COLOR;
    /// `board` is where `set wip` column names and `view` queries are checked, at load.
    public init(rcFiles: [String], environment: [String: String], board: BoardState = BoardState()) {
        var builder = KeymapBuilder()
        builder.apply(DefaultBindings.file, name: "(built-in)")
        var files: [(String, RCFile)] = []
        for path in rcFiles {
            guard let text = TextFile.read(path) else { continue }
            files.append((path, RCFile.parse(text, file: path)))
        }
        var colorLines: [(String, RCFile)] = []
        var viewLines: [(file: String, line: Int)] = []
        var themeLine = (file: "(built-in)", line: 0)
        for (path, file) in files {
            errors += file.errors
            builder.apply(file, name: path)
            for (line, directive) in file.directives {
                switch directive {
                case .bind, .color:
                    break
                case let .set(name, values):
                    do {
                        try apply(set: name, values: values, board: board)
                        if name == "theme" { themeLine = (path, line) }
                    } catch {
                        errors.append(FileProblem(file: path, line: line, message: error.description))
                    }
                case let .view(name, query):
                    views.append(SavedView(name: name, query: query))
                    viewLines.append((path, line))
                }
            }
            colorLines.append((path, file))
        }
        // Checked after every `set`, so that `is:stale` uses the final stale-after.
        for (view, place) in zip(views, viewLines) {
            do {
                _ = try Query.parse(view.query, on: board, me: "me", staleAfterDays: settings.staleAfterDays)
            } catch {
                errors.append(FileProblem(file: place.file, line: place.line, message: "view \(view.name): \(error.description)"))
            }
        }
        errors += builder.errors
        keymap = builder.keymap
        var theme = Theme.named(themeName)
        if let userTheme = Configuration.userTheme(themeName, environment: environment) {
            errors += theme.apply(RCFile.parse(userTheme.text, file: userTheme.path), name: userTheme.path)
        } else if Theme.builtin[themeName] == nil {
            errors.append(FileProblem(file: themeLine.file, line: themeLine.line, message: "no theme \"\(themeName)\"; themes are: \(Theme.builtin.keys.sorted().joined(separator: ", "))"))
        }
        for (path, file) in colorLines { errors += theme.apply(file, name: path) }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { theme = theme.withoutColors }
        settings.asciiOnly = !Configuration.localeIsUTF8(environment)
        self.theme = theme
        errors.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Applies one `set`, or says what is wrong with it. Every number is range-checked here:
    /// `stale-after` becomes milliseconds in every query, so an unchecked one would overflow.
    mutating func apply(set name: String, values: [String], board: BoardState) throws(BoardError) {
        switch name {
        case "theme":
            themeName = values[0]
        case "wip":
            guard values.count == 2 else { throw .invalid("usage: set wip COLUMN LIMIT") }
            let column = try board.resolveColumn(values[0])
            settings.wipLimits[column.id] = try BoundedNumber.parse(values[1], in: 0...Configuration.maximumWIP, what: "a WIP limit")
        case "stale-after":
            let text = values[0].hasSuffix("d") ? String(values[0].dropLast()) : values[0]
            settings.staleAfterDays = try BoundedNumber.parse(text, in: 1...Configuration.maximumStaleDays, what: "stale-after (days)")
        case "mouse":
            guard ["on", "off"].contains(values[0]) else { throw .invalid("usage: set mouse on|off") }
            mouse = values[0] == "on"
        case "swimlanes":
            guard let value = Swimlanes(rawValue: values[0]) else { throw .invalid("usage: set swimlanes " + Swimlanes.names.joined(separator: "|")) }
            swimlanes = value
        case "attachment-limit":
            attachmentLimit = try Configuration.byteSize(values[0], what: "attachment-limit")
        default:
            throw .invalid("unknown setting \"\(name)\"; settings are: theme, wip, stale-after, mouse, swimlanes, attachment-limit")
        }
    }

    /// `10M`, `512K`, `1G` or a number of bytes, at most 1 GB.
    static func byteSize(_ text: String, what: String) throws(BoardError) -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        let scale = unit ?? 1
        return try BoundedNumber.parse(digits, in: 0...((1 << 30) / scale), what: what + " (a size like 10M)") * scale
    }

    /// Limits for `set` numbers: no column holds more than this many cards in a useful board.
    static let maximumWIP = 99_999
    /// A hundred years: anything longer means "never stale".
    static let maximumStaleDays = 36_500

    /// Whether the locale (LC_ALL, else LC_CTYPE, else LANG) is UTF-8; if not, the views draw
    /// with ASCII only.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// The rc files for a board: the user's, then the board's own.
    public static func rcFiles(boardDirectory: String, environment: [String: String]) -> [String] {
        [XDGDirectories(environment: environment).config + "/lanesrc", boardDirectory + "/lanesrc"]
    }

    static func userTheme(_ name: String, environment: [String: String]) -> (path: String, text: String)? {
        guard !name.contains("/") else { return nil }
        let path = XDGDirectories(environment: environment).config + "/themes/\(name).theme"
        return TextFile.read(path).map { (path, $0) }
    }
}
