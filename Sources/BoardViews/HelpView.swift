import BoardModel
import BoardInteraction
import Keymap
import Screen

/// `?`: every key of the view you came from and of `generic`, from the live keymap, with each
/// command's help line. Filtered by `/`.
enum HelpView {
    static func lines(_ context: ViewContext) -> [(text: String, style: Style, keyWidth: Int)] {
        let theme = context.theme
        let from = KeyContext(view: context.ui.history.last ?? .board)
        let filter = context.ui.helpFilter.lowercased()
        var rows: [(text: String, style: Style, keyWidth: Int)] = []
        for scope in from == .generic ? [KeyContext.generic] : [from, .generic] {
            var byCommand: [CommandName: [String]] = [:]
            var order: [CommandName] = []
            for binding in context.keymap.listing(for: from) where binding.context == scope {
                if byCommand[binding.command.name] == nil { order.append(binding.command.name) }
                byCommand[binding.command.name, default: []].append(KeyNotation.format(binding.keys))
            }
            let entries = order.map { (keys: byCommand[$0]!.joined(separator: " "), name: $0) }
                .filter { filter.isEmpty || ($0.keys + " " + $0.name.rawValue + " " + $0.name.help).lowercased().contains(filter) }
            guard !entries.isEmpty else { continue }
            rows.append((scope == .generic ? "Everywhere (generic)" : "In the \(scope.rawValue) view", theme[.helpSection], 0))
            let keyColumn = min(24, (entries.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 1)
            for entry in entries {
                let keys = entry.keys.padding(to: keyColumn)
                rows.append((keys + entry.name.rawValue.padding(to: 18) + entry.name.help, theme[.default], DisplayWidth.of(keys)))
            }
            rows.append(("", theme[.default], 0))
        }
        let unbound = CommandName.visible.filter { name in
            context.keymap.keys(for: name, in: from).isEmpty && (filter.isEmpty || name.rawValue.contains(filter))
        }
        if !unbound.isEmpty {
            rows.append(("Commands without a key (type :NAME)", theme[.helpSection], 0))
            for name in unbound {
                rows.append(((":" + name.rawValue + (name.argument.map { " " + $0 } ?? "")).padding(to: 34) + name.help, theme[.default], 0))
            }
        }
        if rows.isEmpty { rows.append(("no key or command matches \"\(Sanitizer.line(context.ui.helpFilter))\"", theme[.dim], 0)) }
        return rows
    }

    static func render(_ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let rows = lines(context)
        let visible = layout.height - 1
        let scroll = min(context.ui.scroll, max(0, rows.count - visible))
        for (index, row) in rows.dropFirst(scroll).prefix(visible).enumerated() {
            grid.put(row.text, x: 1, y: index, style: row.style, limit: layout.width - 1)
            if row.keyWidth > 0 {
                grid.restyle(Rect(x: 1, y: index, width: row.keyWidth, height: 1)) { $0 = context.theme[.helpKey] }
            }
        }
    }
}
