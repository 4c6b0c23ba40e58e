import BoardModel

/// Opens the full-screen board (or runs it headless with `--keys`).
struct BoardCommand {
    var options: BoardOptions
    var keys: String?
    var size: String
    var dump: Bool

    func run() throws {
        throw BoardError.invalid("the full-screen board is not built yet; try \"lanes list\"")
    }
}
