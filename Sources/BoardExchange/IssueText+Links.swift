import BoardModel

extension IssueText {
    /// `links:` and `mentioned:` lines for `lanes show` (none when there is nothing to list):
    /// "links:     blocks #7, is a child of #2", "mentioned: in #4, #9".
    static func linkLines(_ issue: Issue, state: BoardState) -> String {
        var out = ""
        if !issue.links.isEmpty {
            out += "links:     " + issue.links.map { "\($0.type.phrase) #\($0.issue)" }.joined(separator: ", ") + "\n"
        }
        let mentions = state.mentions.issues(mentioning: issue.number)
        if !mentions.isEmpty { out += "mentioned: in " + mentions.map { "#\($0)" }.joined(separator: ", ") + "\n" }
        return out
    }
}
