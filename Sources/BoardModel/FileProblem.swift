/// Something wrong with one line of a file (the event log, an rc file, a theme), reported as
/// `FILE:LINE: message` the way compilers do, so editors and terminals can jump to it.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
