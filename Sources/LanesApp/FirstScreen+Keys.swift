import BoardInteraction
import BoardViews
import Screen

/// Keys typed while the board is still being read, answered from the first screen: moving the
/// selection among the cards it holds, and quitting. Anything else (opening an issue, a filter,
/// a move past the cards read, a scroll) needs the whole board: it waits, and the keys after it
/// wait too, so that the session gets them in the order they were typed.
extension FirstScreen {
    public enum KeyAnswer: Equatable {
        /// The selection moved: draw `frame()`.
        case moved
        /// `q` (or `Q`, Ctrl-C as bound): leave without waiting for the board.
        case quit
        /// Only the whole board can answer this key.
        case waits
    }

    /// What the status line says on frames drawn while the board is read; short enough to show
    /// whole beside the board's details at 80 columns (docs/keys.md says what waits).
    public static let reading = "reading the board… (moves answered)"

    /// Answers `key` if the first screen can: a cursor move that lands on a card it holds
    /// without scrolling, or a key that leaves the board. The session is later given the keys
    /// this answered (`LoadHandOver`) and makes the same moves on the whole board.
    public mutating func answer(_ key: Key) -> KeyAnswer {
        guard ui.pendingKeys.isEmpty, case .command(let command) = configuration.keymap.meaning(of: [key], in: ui.view) else {
            return .waits
        }
        switch command.name {
        case .back, .quit:
            return .quit
        case .cursorUp, .cursorDown, .cursorLeft, .cursorRight:
            var moved = ui
            _ = reduce(&moved, .key(key), context)
            Viewport.adjust(&moved, projection: projection, layout: layout)
            // 0 is a place past the cards read (`BoardProjection(firstScreen:)`): not drawn, not selectable.
            guard BoardSelection.issue(moved, projection.lanes) != 0, moved.cardOffset == ui.cardOffset else { return .waits }
            ui = moved
            ui.message = UIState.Message(FirstScreen.reading)
            return .moved
        default:
            return .waits
        }
    }

    /// Says on the status line that the board is being read (a key is waiting for it).
    public mutating func noteReading() {
        ui.message = UIState.Message(FirstScreen.reading)
    }
}
