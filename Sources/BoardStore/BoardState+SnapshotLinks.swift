import BoardModel

/// Links and mentions in the snapshot: derived from the events like the rest of the folded
/// state, so a board opened from its cache lists them without reading the log.
extension BoardState {
    /// Each link as its type's index in `LinkType.allCases` and the other issue's number.
    static func writeLinks(_ links: [IssueLink], to out: inout SnapshotWriter) {
        out.int(links.count)
        for link in links {
            out.int(LinkType.allCases.firstIndex(of: link.type)!)
            out.int(link.issue)
        }
    }

    static func readLinks(from reader: inout SnapshotReader) throws(SnapshotReader.Damaged) -> [IssueLink] {
        let count = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
        var links: [IssueLink] = []
        for _ in 0..<count {
            let type = LinkType.allCases[try reader.count(atMost: LinkType.allCases.count - 1)]
            links.append(IssueLink(type, try reader.count(atMost: NumberedTable<Issue>.maximumNumber)))
        }
        return links
    }

    /// The (source, target) pairs of `mentions`.
    func writeMentions(to out: inout SnapshotWriter) {
        let pairs = mentions.pairs
        out.int(pairs.count)
        for pair in pairs {
            out.int(pair.source)
            out.int(pair.target)
        }
    }

    static func readMentions(from reader: inout SnapshotReader) throws(SnapshotReader.Damaged) -> MentionIndex {
        var index = MentionIndex()
        for _ in 0..<(try reader.count(atMost: NumberedTable<Issue>.maximumNumber)) {
            index.add(try reader.count(atMost: NumberedTable<Issue>.maximumNumber), try reader.count(atMost: NumberedTable<Issue>.maximumNumber))
        }
        return index
    }
}
