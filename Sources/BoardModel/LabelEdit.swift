/// How words edit an issue's labels: `+x` adds, `-x` removes, a bare word adds. Read here once,
/// for `lanes label N +bug -ui` and the board's `:label +bug -ui`, so the two cannot disagree.
public enum LabelEdit {
    public static func parse(_ words: some Sequence<some StringProtocol>) -> (add: [String], remove: [String]) {
        var add: [String] = [], remove: [String] = []
        for word in words {
            if word.hasPrefix("-") { remove.append(String(word.dropFirst())) }
            else if word.hasPrefix("+") { add.append(String(word.dropFirst())) }
            else { add.append(String(word)) }
        }
        return (add, remove)
    }
}
