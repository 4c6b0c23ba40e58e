import BoardModel

/// One undoable step of this session: what was done and the changes that put it back.
struct UndoStep {
    var summary: String
    var forward: [Change]
    var inverse: [Change]
}
