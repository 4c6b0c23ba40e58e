import BoardModel
import BoardInteraction
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
        // Each proper prefix of a sequence bound (to a command) in this file → the first such
        // sequence, so a clash is a few lookups rather than a comparison with every earlier
        // binding (which made a file of many `bind` lines quadratic). A sequence's command
        // never changes within a file (that is the "bound to both" error), so entries stay true.
        var longer: [KeyContext: [[Key]: [Key]]] = [:]
        for (line, directive) in file.directives {
            guard case let .bind(context, keys, command) = directive else { continue }
            // Looked up in place: a copy of this context's table kept across the update below
            // would be copied again on every line.
            func mine(_ keys: [Key]) -> (line: Int, command: Command)? { seen[context]?[keys] }
            if let earlier = mine(keys), earlier.command != command {
                errors.append(FileProblem(file: name, line: line, message:
                    "\(KeyNotation.format(keys)) in \(context.rawValue) is bound to both \(earlier.command.name.rawValue) (line \(earlier.line)) and \(command.name.rawValue)"))
                continue
            }
            let prefixes = (1..<max(1, keys.count)).map { Array(keys.prefix($0)) }
            if command.name != .none,
               let clash = prefixes.first(where: { mine($0).map { $0.command.name != .none } ?? false }) ?? longer[context]?[keys],
               let other = mine(clash) {
                errors.append(FileProblem(file: name, line: line, message:
                    "\(KeyNotation.format(keys)) (\(command.name.rawValue)) and \(KeyNotation.format(clash)) (\(other.command.name.rawValue), line \(other.line)) clash in \(context.rawValue): one is a prefix of the other"))
                continue
            }
            if command.name != .none {
                for prefix in prefixes where longer[context]?[prefix] == nil { longer[context, default: [:]][prefix] = keys }
            }
            seen[context, default: [:]][keys] = (line, command)
            keymap.bind(keys, to: command, in: context)
        }
    }
}
