import BoardModel

/// `:column …` and the column menu (`M`): the board's columns changed from the board.
extension Reducer {
    mutating func columnCommand(_ argument: String) -> [Effect] {
        do {
            return save([.column(try ColumnCommandLine.parse(argument, board: context.board))])
        } catch {
            return message(error.description, error: true)
        }
    }

    /// Opens `:column ` with the selected column's actions listed above the prompt, ready to
    /// complete: `r<Tab>` gives `rename`, the next <Tab> the columns.
    mutating func openColumnMenu() {
        let selected = ui.view == .board && lanes.indices.contains(ui.column) ? lanes[ui.column].column : context.board.columns.first
        let id = selected?.id ?? "COLUMN"
        var prompt = UIState.Prompt(kind: .command, text: "column ")
        prompt.candidates = ["add NAME", "rename \(id) NAME", "move \(id) --after|--before|--first|--last",
                             "remove \(id) [--to COLUMN]", "wip \(id) N|none", "closing \(id) on|off"]
        prompt.tabbed = true
        ui.prompt = prompt
    }
}
