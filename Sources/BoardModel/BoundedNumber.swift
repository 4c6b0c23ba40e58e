/// A whole number a person typed or a file supplied, checked against the range where it means
/// something before any arithmetic touches it.
///
/// `Int("9223372036854775807")` succeeds, and the multiplication that turns it into
/// milliseconds then traps and takes the whole board down; a number out of range is refused
/// here with a message that says what would have been accepted.
public enum BoundedNumber {
    /// `text` as a whole number in `range`, or `.invalid` naming `what` and the range.
    public static func parse<Text: StringProtocol>(_ text: Text, in range: ClosedRange<Int>, what: String) throws(BoardError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw .invalid("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return value
    }
}
