import BoardModel

/// A named query: `view NAME QUERY` in an rc file, switched to with the number keys.
public struct SavedView: Hashable, Sendable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }

    /// The views every board has, in number-key order; rc-file views follow (or replace one of
    /// these by using its name).
    public static let builtin: [SavedView] = [
        SavedView(name: "board", query: ""),
        SavedView(name: "mine", query: "assignee:me is:open sort:priority"),
        SavedView(name: "triage", query: "is:untriaged sort:created"),
        SavedView(name: "stale", query: "is:stale sort:updated"),
        SavedView(name: "attention", query: "is:attention sort:due"),
    ]

    /// Built-ins first, then the rc file's; a view named like a built-in replaces it in place.
    public static func merged(_ custom: [SavedView]) -> [SavedView] {
        var views = builtin
        for view in custom {
            if let index = views.firstIndex(where: { $0.name == view.name }) {
                views[index] = view
            } else {
                views.append(view)
            }
        }
        return views
    }
}
