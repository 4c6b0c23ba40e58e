import BoardModel

/// A reply's own words apart from what it quotes and its signature, as mail clients write them:
/// `On … wrote:` (Gmail, Apple Mail, Thunderbird; also `Am … schrieb:`, `Le … a écrit :`),
/// Outlook's `-----Original Message-----` or `From:`/`Sent:` block under a rule, `>` quoted
/// lines at the end, and the `-- ` signature separator (RFC 3676 §4.3).
public enum ReplyText {
    /// The text with `QuoteFold.separator` between the reply and the rest; unchanged when
    /// nothing is quoted or signed, or when nothing but quotes was written.
    public static func marked(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let cut = cutLine(lines) else { return text }
        let reply = lines[..<cut].joined(separator: "\n").trimmingSpaces
        let rest = lines[cut...].joined(separator: "\n").trimmingSpaces
        guard !reply.isEmpty, !rest.isEmpty else { return text }
        return reply + "\n\n" + QuoteFold.separator + "\n" + rest
    }

    static func cutLine(_ lines: [Substring]) -> Int? {
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingSpaces
            if line == "-- " || line == "--" && index > 0 { return index }
            if trimmed.hasPrefix("-----Original Message-----") || trimmed.hasPrefix("----- Original Message -----")
                || trimmed.hasPrefix("-------- Original Message --------") || trimmed.hasPrefix("---------- Forwarded message") {
                return index
            }
            if trimmed.hasPrefix("________________"), index + 1 < lines.count, isHeaderLine(lines[index + 1]) { return index }
            if isHeaderLine(line), index + 1 < lines.count, lines[index + 1].trimmingSpaces.lowercased().hasPrefix("sent:") { return index }
            if isAttribution(trimmed) { return index }
            if index + 1 < lines.count, !trimmed.isEmpty, isAttribution(trimmed + " " + lines[index + 1].trimmingSpaces),
               trimmed.hasPrefix("On ") || trimmed.hasPrefix("Am ") || trimmed.hasPrefix("Le ") || trimmed.hasPrefix("El ") {
                return index
            }
        }
        // A trailing block of `>` lines (and blank ones), with at least one quoted line.
        var start = lines.count
        while start > 0, lines[start - 1].hasPrefix(">") || lines[start - 1].trimmingSpaces.isEmpty { start -= 1 }
        return lines[start...].contains { $0.hasPrefix(">") } ? start : nil
    }

    static func isAttribution(_ line: String) -> Bool {
        let endings = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "scrisse:", "skrev:", "napisał:"]
        return line.count < 300 && endings.contains { line.hasSuffix($0) }
            && (line.hasPrefix("On ") || line.hasPrefix("Am ") || line.hasPrefix("Le ") || line.hasPrefix("El ") || line.hasPrefix("Il ")
                || line.hasPrefix("Den ") || line.hasPrefix("W dniu ") || line.contains("@"))
    }

    static func isHeaderLine(_ line: Substring) -> Bool {
        let lower = line.trimmingSpaces.lowercased()
        return lower.hasPrefix("from:") || lower.hasPrefix("*from:*") || lower.hasPrefix("von:") || lower.hasPrefix("de :")
    }
}
