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
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.link(number.value, type, other.value)] }
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
        // A link that is not there unlinks nothing: that is the error.
        try IssueChangeCommand.commitIndexed(options, report: { events, state in
            guard !events.isEmpty else { Output.fail("#\(number.value) has no link \"\(type.rawValue) #\(other.value)\"") }
            IssueChangeCommand.report(events, in: state)
        }) { _, _ in [.unlink(number.value, type, other.value)] }
    }
}
