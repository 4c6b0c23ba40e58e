import BoardModel

/// What a subject line says once the mail programs' noise is gone.
public enum SubjectLine {
    /// Reply and forward prefixes in the languages mail clients write them (`Re:`, `RE[2]:`,
    /// `Fwd:`, `Fw:`, German `AW:`/`WG:`, Nordic `SV:`/`VS:`, Dutch `Antw:`, French `TR:`/`Réf:`…).
    static let prefixes = ["re", "fwd", "fw", "aw", "wg", "sv", "vs", "antw", "tr", "réf", "ref", "rif", "odp", "res", "enc", "vb"]

    /// The subject without leading reply/forward prefixes and `[tags]` (`[support]`, `[#42]`),
    /// and without a trailing `(fwd)`.
    public static func title(_ subject: String) -> String {
        var text = Substring(subject.trimmingSpaces)
        var changed = true
        while changed {
            changed = false
            text = text.drop { $0 == " " }
            if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text.distance(from: text.startIndex, to: close) <= 60 {
                text = text[text.index(after: close)...]
                changed = true
                continue
            }
            let word = text.prefix { $0.isLetter }
            guard !word.isEmpty, prefixes.contains(word.lowercased()) else { continue }
            var rest = text[word.endIndex...]
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), rest[rest.index(after: rest.startIndex)..<close].allSatisfy(\.isNumber) {
                rest = rest[rest.index(after: close)...]
            }
            rest = rest.drop { $0 == " " }
            if rest.hasPrefix(":") || rest.hasPrefix("：") {
                text = rest.dropFirst()
                changed = true
            }
        }
        var result = text.trimmingSpaces
        if result.lowercased().hasSuffix("(fwd)") { result = String(result.dropLast(5)).trimmingSpaces }
        return result
    }

    /// The subject as repeated reports are compared: the title, lowercased, spaces collapsed.
    public static func normalised(_ subject: String) -> String {
        title(subject).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The `[#N]` a reply from the team carries in its subject, if any.
    public static func issueReference(_ subject: String) -> Int? {
        var rest = Substring(subject)
        while let open = rest.firstIndex(of: "[") {
            rest = rest[rest.index(after: open)...]
            guard rest.hasPrefix("#") else { continue }
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9, rest.dropFirst(digits.count + 1).hasPrefix("]"), let number = Int(digits), number > 0 {
                return number
            }
        }
        return nil
    }
}
