/// HTML-only mail as readable text: paragraphs and line breaks kept, list items as `- `,
/// links as `text (url)`, entities decoded, scripts, styles and the head dropped. A small
/// scanner, not a browser: it must only never lose the words and never run anything.
public enum HTMLText {
    public static func text(_ html: String) -> String {
        var out = ""
        var pendingSpace = false
        var skipping: String? = nil
        var links: [String?] = []
        var chars = Substring(html)
        func newline(_ count: Int) {
            while out.hasSuffix(" ") { out.removeLast() }
            var have = 0
            for character in out.reversed() { if character == "\n" { have += 1 } else { break } }
            if !out.isEmpty { out += String(repeating: "\n", count: max(0, count - have)) }
            pendingSpace = false
        }
        while let character = chars.first {
            if character == "<" {
                guard let close = chars.firstIndex(of: ">") else { break }
                let tag = chars[chars.index(after: chars.startIndex)..<close]
                chars = chars[chars.index(after: close)...]
                if tag.hasPrefix("!--") {
                    // An unclosed comment runs to the end (and is looked for once, not per tag).
                    if !tag.hasSuffix("--") { chars = chars.range(of: "-->").map { chars[$0.upperBound...] } ?? chars[chars.endIndex...] }
                    continue
                }
                let closing = tag.hasPrefix("/")
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if let skipped = skipping {
                    if closing, name == skipped { skipping = nil }
                    continue
                }
                switch name {
                case "script", "style", "head", "title":
                    if !closing, !tag.hasSuffix("/") { skipping = name }
                case "br":
                    newline(1)
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol":
                    newline(2)
                case "tr":
                    newline(1)
                case "td", "th":
                    if closing { pendingSpace = true }
                case "li":
                    if !closing {
                        newline(1)
                        out += "- "
                    }
                case "a":
                    if closing {
                        if let href = links.popLast(), let href, !out.hasSuffix(href) {
                            out += " (" + href + ")"
                        }
                    } else {
                        links.append(attribute("href", in: tag).flatMap { $0.hasPrefix("mailto:") || $0.hasPrefix("#") ? nil : $0 })
                    }
                default:
                    break
                }
                continue
            }
            chars = chars.dropFirst()
            if skipping != nil { continue }
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty, !out.hasSuffix("\n"), !out.hasSuffix(" ") { out += " " }
            pendingSpace = false
            if character == "&" {
                let (decoded, rest) = entity(chars)
                out += decoded
                chars = rest
            } else {
                out.append(character)
            }
        }
        return out.trimmingCharacters(in: " \n")
    }

    /// The value of `name="…"` in a tag, entities decoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        let lower = tag.lowercased()
        guard let found = Substring(lower).range(of: name + "=") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: found.upperBound)
        var value = tag.dropFirst(offset)
        let quote = value.first
        if quote == "\"" || quote == "'" {
            value = value.dropFirst()
            value = value.prefix { $0 != quote }
        } else {
            value = value.prefix { !$0.isWhitespace && $0 != ">" }
        }
        var decoded = ""
        var rest = value
        while let character = rest.popFirst() {
            if character == "&" { let (text, after) = entity(rest); decoded += text; rest = after } else { decoded.append(character) }
        }
        return Sanitize.header(decoded)
    }

    /// The entity after an `&` and what follows it; an unknown one stays as written.
    static func entity(_ text: Substring) -> (String, Substring) {
        guard let semicolon = text.prefix(12).firstIndex(of: ";") else { return ("&", text) }
        let name = text[..<semicolon]
        let rest = text[text.index(after: semicolon)...]
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
                     "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "euro": "€", "copy": "©"]
        if let value = named[name.lowercased()] { return (value, rest) }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, let scalar = Unicode.Scalar(value), !Sanitize.isControl(scalar) || scalar == "\n" { return (String(scalar), rest) }
        }
        return ("&", text)
    }
}
