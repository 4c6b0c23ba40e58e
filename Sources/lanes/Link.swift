import ArgumentParser
import BoardModel

extension LinkType: ExpressibleByArgument {}

/// `lanes link N TYPE M`: links two issues (`lanes link 3 blocks 7`). A duplicate is also
/// closed with a comment pointing at the original.
struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link two issues: lanes link 3 blocks 7.",
        discussion: """
            TYPE is blocks, duplicates, parent-of or relates-to, or an inverse (blocked-by, duplicated-by, \
            child-of). blocks and parent-of refuse a cycle; N duplicates M closes N with a comment pointing at M.
            """)
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue the link starts from.") var number: IssueNumber
    @Argument(help: "The link type.") var type: LinkType
    @Argument(help: "The other issue.") var other: IssueNumber

    func run() throws {
        try IssueChangeCommand.commit(options) { _ in [.link(number.value, type, other.value)] }
    }
}

/// `lanes unlink N TYPE M`: removes a link (named from either side: `unlink 7 blocked-by 3`).
struct Unlink: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlink", abstract: "Remove a link between two issues: lanes unlink 3 blocks 7.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "One of the linked issues.") var number: IssueNumber
    @Argument(help: "The link type, from that issue's side.") var type: LinkType
    @Argument(help: "The other issue.") var other: IssueNumber

    func run() throws {
        try IssueChangeCommand.commit(options) { _, board in
            guard try board.issue(number.value).links.contains(IssueLink(type, other.value)) else {
                throw BoardError.invalid("#\(number.value) has no link \"\(type.rawValue) #\(other.value)\"")
            }
            return [.unlink(number.value, type, other.value)]
        }
    }
}
