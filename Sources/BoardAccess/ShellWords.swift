import BoardModel

/// Splits a command line into words the way a POSIX shell does, and does nothing else: single
/// quotes keep everything literally, double quotes keep everything but `\"`, `\\`, `\$` and
/// `` \` ``, a backslash outside quotes keeps the next character (and a backslash-newline
/// disappears). There is no expansion of any kind (`$HOME`, `*`, `~`, `$(…)` stay as typed)
/// and no operators: `;`, `|` and `&` are ordinary characters inside a word. The gateway
/// passes the words to Lanes' own argument parser, never to a shell.
public enum ShellWords {
    public static func split(_ line: String) throws(BoardError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            switch character {
            case " ", "\t", "\n":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                guard let close = characters.firstIndex(of: "'") else { throw .invalid("unterminated ' in the command") }
                word += String(characters[..<close])
                characters = characters[(close + 1)...]
            case "\"":
                inWord = true
                while true {
                    guard let next = characters.popFirst() else { throw .invalid("unterminated \" in the command") }
                    if next == "\"" { break }
                    if next == "\\", let escaped = characters.first, "\"\\$`\n".contains(escaped) {
                        characters.removeFirst()
                        if escaped != "\n" { word.append(escaped) }
                    } else {
                        word.append(next)
                    }
                }
            case "\\":
                guard let escaped = characters.popFirst() else { throw .invalid("the command ends with a lone \\") }
                if escaped != "\n" {
                    word.append(escaped)
                    inWord = true
                }
            default:
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
