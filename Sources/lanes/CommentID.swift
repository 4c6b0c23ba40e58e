import ArgumentParser
import BoardModel

/// A comment's id on the command line: the 16 hex digits of its `commented` event's id, as
/// `lanes show N --format json` shows it.
struct CommentID: ExpressibleByArgument {
    var value: EventID
    init?(argument: String) {
        let bytes = Array(argument.utf8)
        guard let id = bytes.withUnsafeBufferPointer({ EventID(hex: $0) }) else { return nil }
        value = id
    }
}
