import BoardModel
import Screen

/// Builds a keymap from rc files in order, reporting conflicts inside any one file.
///
/// A later file overriding an earlier one is the point of rc files, not a conflict. Inside one
/// file, binding one key to two commands, or binding both `g` and `gg` in one context (so `gg`
/// could never be typed), is reported naming both.
public struct KeymapBuilder {
    public private(set) var keymap = Keymap()
    public private(set) var errors: [FileProblem] = []

    public init() {}

    public mutating func apply(_ file: RCFile, name: String) {
        var seen: [KeyContext: [[Key]: (line: Int, command: Command)]] = [:]
        for (line, directive) in file.directives {
            guard case let .bind(context, keys, command) = directive else { continue }
            let mine = seen[context] ?? [:]
            if let earlier = mine[keys], earlier.command != command {
                errors.append(FileProblem(file: name, line: line, message:
                    "\(KeyNotation.format(keys)) in \(context.rawValue) is bound to both \(earlier.command.name.rawValue) (line \(earlier.line)) and \(command.name.rawValue)"))
                continue
            }
            if command.name != .none,
               let clash = mine.first(where: { $0.value.command.name != .none && isPrefixClash($0.key, keys) }) {
                errors.append(FileProblem(file: name, line: line, message:
                    "\(KeyNotation.format(keys)) (\(command.name.rawValue)) and \(KeyNotation.format(clash.key)) (\(clash.value.command.name.rawValue), line \(clash.value.line)) clash in \(context.rawValue): one is a prefix of the other"))
                continue
            }
            seen[context, default: [:]][keys] = (line, command)
            keymap.bind(keys, to: command, in: context)
        }
    }

    private func isPrefixClash(_ a: [Key], _ b: [Key]) -> Bool {
        guard a.count != b.count else { return false }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        return Array(long.prefix(short.count)) == short
    }
}
