import BoardModel
import BoardInteraction
import Screen

/// Key sequences to commands, per context, with fallback to `generic`.
public struct Keymap: Sendable {
    public private(set) var bindings: [KeyContext: [[Key]: Command]] = [:]
    /// When each key sequence was first bound, so hints list keys in the order the rc files
    /// (and the built-in bindings) give them: `pu ph pm pl pn`, not alphabetically.
    private var order: [[Key]: Int] = [:]

    public init() {}

    public mutating func bind(_ keys: [Key], to command: Command, in context: KeyContext) {
        if order[keys] == nil { order[keys] = order.count }
        if command.name == .none {
            bindings[context, default: [:]][keys] = nil
            if context != .generic { bindings[context, default: [:]][keys] = command } // shadows generic
        } else {
            bindings[context, default: [:]][keys] = command
        }
    }

    public func resolve(_ keys: [Key], in context: KeyContext) -> KeyResolution {
        for scope in context == .generic ? [.generic] : [context, .generic] {
            let table = bindings[scope] ?? [:]
            if let command = table[keys] {
                return command.name == .none ? .unbound : .command(command)
            }
            if table.keys.contains(where: { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }) {
                return .pending
            }
        }
        return .unbound
    }

    /// The keys that may follow `pending` (a prefix such as `p`) and what each does, for the hint
    /// shown while Lanes waits for the next key (vim's showcmd, lazygit's hints).
    public func continuations(of pending: [Key], in context: KeyContext) -> [(keys: [Key], command: Command)] {
        var found: [[Key]: Command] = [:]
        for scope in context == .generic ? [.generic] : [context, .generic] {
            for (keys, command) in bindings[scope] ?? [:]
            where keys.count > pending.count && Array(keys.prefix(pending.count)) == pending && found[keys] == nil {
                found[keys] = command // a context's own binding (even `none`) shadows generic
            }
        }
        return found.filter { $0.value.name != .none }
            .sorted { order[$0.key, default: .max] < order[$1.key, default: .max] }
            .map { (Array($0.key.dropFirst(pending.count)), $0.value) }
    }

    /// The bindings shown in help for a context: its own, then generic ones it does not shadow.
    public func listing(for context: KeyContext) -> [(keys: [Key], command: Command, context: KeyContext)] {
        var rows: [(keys: [Key], command: Command, context: KeyContext)] = []
        let own = bindings[context] ?? [:]
        for (keys, command) in own where command.name != .none { rows.append((keys, command, context)) }
        if context != .generic {
            for (keys, command) in bindings[.generic] ?? [:] where own[keys] == nil { rows.append((keys, command, .generic)) }
        }
        return rows.sorted {
            $0.command.name.rawValue != $1.command.name.rawValue
                ? ($0.context == $1.context ? $0.command.name.rawValue < $1.command.name.rawValue : $0.context != .generic)
                : KeyNotation.format($0.keys) < KeyNotation.format($1.keys)
        }
    }

    /// The keys bound to a command in a context (or generic), for hints like "press ? for help".
    public func keys(for name: CommandName, in context: KeyContext) -> [[Key]] {
        var found: [[Key]] = []
        for scope in [context, .generic] {
            for (keys, command) in bindings[scope] ?? [:] where command.name == name { found.append(keys) }
        }
        return found.sorted { KeyNotation.format($0) < KeyNotation.format($1) }
    }
}

/// The reducer asks the keymap what keys mean through `KeyBindings`.
extension Keymap: KeyBindings {
    public func meaning(of keys: [Key], in view: UIState.View) -> KeyResolution {
        resolve(keys, in: KeyContext(view: view))
    }

    public func notation(_ keys: [Key]) -> String {
        KeyNotation.format(keys)
    }
}
