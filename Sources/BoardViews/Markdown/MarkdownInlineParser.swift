/// Inline Markdown in one line of text: code spans, emphasis, links, autolinks, `#N`
/// references and backslash escapes. Anything unmatched stays as written.
enum MarkdownInlineParser {
    static func parse(_ text: String) -> [MarkdownInline] {
        var parser = Scanner(Array(text))
        return parser.run()
    }

    struct Scanner {
        let chars: [Character]
        var index = 0
        var output: [MarkdownInline] = []
        var buffer = ""

        init(_ chars: [Character]) { self.chars = chars }

        mutating func run() -> [MarkdownInline] {
            while index < chars.count {
                let character = chars[index]
                if character == "\\", index + 1 < chars.count, chars[index + 1].isASCII, chars[index + 1].isPunctuation || chars[index + 1].isSymbol {
                    buffer.append(chars[index + 1])
                    index += 2
                } else if character == "`", codeSpan() {
                } else if character == "*" || character == "_", emphasis(character) {
                } else if character == "!", index + 1 < chars.count, chars[index + 1] == "[", let end = linkEnd(from: index + 1) {
                    buffer += String(chars[index..<end.end]) // an image: shown as written
                    index = end.end
                } else if character == "[", let end = linkEnd(from: index) {
                    emit(.link(text: MarkdownInlineParser.parse(String(chars[(index + 1)..<end.textEnd])), url: end.url))
                    index = end.end
                } else if character == "<", autolink() {
                } else if character == "#", reference() {
                } else {
                    buffer.append(character)
                    index += 1
                }
            }
            flush()
            return output
        }

        mutating func flush() {
            if !buffer.isEmpty { output.append(.text(buffer)) }
            buffer = ""
        }

        mutating func emit(_ inline: MarkdownInline) {
            flush()
            output.append(inline)
        }

        func run(of character: Character, at start: Int) -> Int {
            var end = start
            while end < chars.count, chars[end] == character { end += 1 }
            return end - start
        }

        /// `` `code` ``: up to the next run of as many backticks.
        mutating func codeSpan() -> Bool {
            let length = run(of: "`", at: index)
            var search = index + length
            while search < chars.count {
                let found = run(of: "`", at: search)
                if found == length {
                    var code = String(chars[(index + length)..<search])
                    if code.hasPrefix(" "), code.hasSuffix(" "), code.count > 2 { code = String(code.dropFirst().dropLast()) }
                    emit(.code(code))
                    index = search + length
                    return true
                }
                search += max(found, 1)
            }
            buffer += String(repeating: "`", count: length)
            index += length
            return true
        }

        /// `*em*`, `**strong**`, `_em_`, `__strong__`; `_` only at word boundaries (snake_case stays).
        mutating func emphasis(_ mark: Character) -> Bool {
            let length = min(run(of: mark, at: index), 2)
            let open = index + length
            guard open < chars.count, chars[open] != " " else { return false }
            if mark == "_", index > 0, chars[index - 1].isLetter || chars[index - 1].isNumber { return false }
            var search = open + 1
            while search + length <= chars.count {
                let found = chars[search] == mark ? run(of: mark, at: search) : 0
                // A longer run closes with its last marks (`**a *b***`: the inner `*` closes first).
                let close = search + found - length
                if found >= length, chars[search - 1] != " ",
                   mark == "*" || close + length >= chars.count || !(chars[close + length].isLetter || chars[close + length].isNumber) {
                    let inner = MarkdownInlineParser.parse(String(chars[open..<close]))
                    emit(length == 2 ? .strong(inner) : .emphasis(inner))
                    index = close + length
                    return true
                }
                search += max(found, 1)
            }
            return false
        }

        /// `[text](url)` starting at `start`: where the text ends, the URL, and where it all ends.
        func linkEnd(from start: Int) -> (textEnd: Int, url: String, end: Int)? {
            var close = start + 1
            var depth = 0
            while close < chars.count {
                if chars[close] == "[" { depth += 1 }
                if chars[close] == "]" {
                    if depth == 0 { break }
                    depth -= 1
                }
                close += 1
            }
            guard close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
            guard let paren = chars[(close + 2)...].firstIndex(of: ")") else { return nil }
            let url = String(chars[(close + 2)..<paren]).trimmingSpaces
            guard !url.isEmpty, !url.contains(" ") else { return nil }
            return (close, url, paren + 1)
        }

        /// `<https://…>`.
        mutating func autolink() -> Bool {
            guard let close = chars[index...].firstIndex(of: ">") else { return false }
            let url = String(chars[(index + 1)..<close])
            guard url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("mailto:"), !url.contains(" ") else { return false }
            emit(.link(text: [.text(url)], url: url))
            index = close + 1
            return true
        }

        /// `#12` not inside a word (`a#1`, `&#39;` and `#12abc` are text).
        mutating func reference() -> Bool {
            if index > 0, chars[index - 1].isLetter || chars[index - 1].isNumber || chars[index - 1] == "&" { return false }
            var end = index + 1
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            guard end > index + 1, end - index - 1 <= 9, end == chars.count || !(chars[end].isLetter || chars[end].isNumber),
                  let number = Int(String(chars[(index + 1)..<end])), number > 0 else { return false }
            emit(.reference(number))
            index = end
            return true
        }
    }
}
