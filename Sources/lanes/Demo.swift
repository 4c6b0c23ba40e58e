#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardModel
import BoardStore
import LanesApp

/// `lanes demo`: the full-screen board on a temporary board seeded with a team's backlog.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Open the board on a temporary demo board with a realistic team backlog.")

    func run() throws {
        var template = Array("/tmp/lanes-demo-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw BoardError.io("cannot create a temporary directory for the demo")
        }
        let root = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try DemoBoard.seed(BoardLocation(root: root))
        var options = BoardOptions()
        options.board = root
        options.actor = "ann"
        options.now = nil // every option read must be set on options made by hand
        try BoardCommand(options: options, keys: nil, size: "100x30", dump: false,
                         greeting: "demo board in \(root) (yours to change; delete it when done)").run()
    }
}
