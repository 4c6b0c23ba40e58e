import BoardModel

/// The log fields of `column-*` events (docs/store-format.md). `-` stands for "none" (no WIP
/// limit, first position, the first column), which is why no column id may be `-`.
extension LineCodec {
    static func columnFields(_ change: ColumnEvent) -> [String] {
        switch change {
        case let .added(column, after):
            [column.id, column.name, column.isClosing ? "closing" : "-", column.wip.map(String.init) ?? "-", after ?? "-"]
        case let .renamed(id, name): [id, name]
        case let .moved(id, after): [id, after ?? "-"]
        case let .removed(id, to): [id, to ?? "-"]
        case let .limited(id, wip): [id, wip.map(String.init) ?? "-"]
        case let .closing(id, on): [id, on ? "on" : "off"]
        }
    }

    /// The event named `kind` from its fields (`arg` reads the next one), nil if `kind` is not a
    /// column event.
    static func columnEvent(_ kind: String, _ arg: () throws(LineError) -> String) throws(LineError) -> ColumnEvent? {
        func optional(_ text: String) -> String? { text == "-" ? nil : text }
        func wip(_ text: String) throws(LineError) -> Int? {
            guard text != "-" else { return nil }
            guard let value = Int(text), (0...ColumnLimits.maximumWIP).contains(value) else { throw LineError("bad WIP limit \"\(text)\"") }
            return value
        }
        switch kind {
        case "column-added":
            let id = try arg(), name = try arg(), flags = try arg(), limit = try wip(try arg())
            return .added(Column(id: id, name: name, isClosing: flags == "closing", wip: limit), after: optional(try arg()))
        case "column-renamed": return .renamed(try arg(), name: try arg())
        case "column-moved": return .moved(try arg(), after: optional(try arg()))
        case "column-removed": return .removed(try arg(), to: optional(try arg()))
        case "column-wip": return .limited(try arg(), wip: try wip(try arg()))
        case "column-closing":
            let id = try arg(), value = try arg()
            guard value == "on" || value == "off" else { throw LineError("column-closing takes on or off, not \"\(value)\"") }
            return .closing(id, value == "on")
        default: return nil
        }
    }
}
