/// The people who reported an issue by mail (`lanes intake`), distinct from its author (who
/// wrote the `created` event) and its assignees.
extension Issue {
    /// The first reporter, `Name <address>`, if the issue came by mail.
    public var reporter: String? { reporters.first }

    /// " and 2 others" after the first reporter when several people reported it, else "".
    public var otherReporters: String {
        reporters.count > 1 ? " and " + Plural.count(reporters.count - 1, "other") : ""
    }

    /// Adds a reporter unless someone with the same address is already one.
    mutating func addReporter(_ reporter: String) {
        let address = Reporter.address(of: reporter)
        guard !reporters.contains(where: { Reporter.address(of: $0) == address }) else { return }
        reporters.append(reporter)
    }
}

extension BoardState {
    /// The reporters' addresses and their domains (`@example.com`), sorted: what `reporter:` completes.
    public var knownReporters: [String] {
        var words = Set<String>()
        for issue in issues.values {
            for reporter in issue.reporters {
                let address = Reporter.address(of: reporter)
                words.insert(address)
                if let at = address.firstIndex(of: "@") { words.insert(String(address[at...])) }
            }
        }
        return words.sorted()
    }
}

/// `Name <address>` as a reporter is written, and how `reporter:` queries match it.
public enum Reporter {
    /// The address part, lowercased: `ana@example.com` of `Ana Lima <Ana@Example.com>`.
    public static func address(of reporter: String) -> String {
        guard let open = reporter.lastIndex(of: "<"), let close = reporter.lastIndex(of: ">"), open < close else {
            return reporter.trimmingSpaces.lowercased()
        }
        return reporter[reporter.index(after: open)..<close].trimmingSpaces.lowercased()
    }

    /// `Name <address>`, or the bare address when there is no name.
    public static func format(name: String, address: String) -> String {
        let name = name.trimmingSpaces
        return name.isEmpty ? address : "\(name) <\(address)>"
    }

    /// Whether `reporter` matches a `reporter:` word: a whole address (`ana@example.com`) or a
    /// domain (`@example.com`), ignoring case.
    public static func matches(_ reporter: String, _ wanted: String) -> Bool {
        let address = address(of: reporter)
        let wanted = wanted.lowercased()
        return wanted.hasPrefix("@") ? address.hasSuffix(wanted) : address == wanted
    }
}

/// The `imported` key under which `lanes intake` records each message it filed: `mail:` and the
/// Message-ID, so the same message twice files nothing and replies find their issue.
public enum MailKey {
    public static let prefix = "mail:"

    public static func key(messageID: String) -> String { prefix + messageID }

    public static func isMail(_ key: String) -> Bool { key.hasPrefix(prefix) }
}
