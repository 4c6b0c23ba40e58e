import BoardModel

/// The JSON of the board's columns: `lanes columns --format json` and the fields of
/// `column-*` events (docs/export-format.md).
public enum ColumnJSON {
    /// `[{"id","name","closing","wip","count"}]`: `wip` is null without a limit, `count` the
    /// open issues in the column.
    /// The columns with each one's open issues (`BoardState.openCounts` or the index's).
    public static func list(_ columns: [Column], openCounts counts: [String: Int]) -> [UInt8] {
        var json = JSONWriter()
        json.beginArray()
        for column in columns {
            json.beginObject()
            json.field("id", column.id)
            json.field("name", column.name)
            json.key("closing"); json.bool(column.isClosing)
            wip(column.wip, to: &json)
            json.field("count", counts[column.id] ?? 0)
            json.endObject()
        }
        json.endArray()
        return json.bytes
    }

    static func wip(_ limit: Int?, to json: inout JSONWriter) {
        json.key("wip")
        if let limit { json.number(limit) } else { json.null() }
    }

    /// The fields of a `column-*` event after `kind`: `column` (its id), then what it set.
    static func write(_ change: ColumnEvent, to json: inout JSONWriter) {
        json.field("column", change.columnID)
        switch change {
        case let .added(column, after):
            json.field("name", column.name)
            json.key("closing"); json.bool(column.isClosing)
            wip(column.wip, to: &json)
            json.key("after"); if let after { json.string(after) } else { json.null() }
        case .renamed(_, let name): json.field("name", name)
        case .moved(_, let after): json.key("after"); if let after { json.string(after) } else { json.null() }
        case .removed(_, let to): json.key("to"); if let to { json.string(to) } else { json.null() }
        case .limited(_, let limit): wip(limit, to: &json)
        case .closing(_, let on): json.key("closing"); json.bool(on)
        }
    }
}
