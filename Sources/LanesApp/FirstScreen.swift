import Foundation
import BoardModel
import BoardQuery
import BoardInteraction
import BoardViews
import Screen

/// The full-screen board's first frame, drawn from what the on-disk index gives (each column's
/// first cards and true counts, `BoardIndex.firstScreen`) before the board itself is read:
/// the frame `BoardSession` draws first, made the same way (the opening message through the
/// reducer, the viewport, the renderer), from a state that holds only the issues it shows.
///
/// Only for the plain opening: the unfiltered board view without swimlanes, no rc-file
/// problem; otherwise nil and the board is drawn once it is read, as before. What only the
/// whole log can tell (lines that could not be read, the "2 overdue, 1 mention" line) is not
/// on this frame: it is on the session's first frame, which replaces it as soon as the log is
/// read. Keys typed meanwhile wait in the terminal until the session reads them.
public struct FirstScreen {
    var ui = UIState()
    let context: ReduceContext
    let projection: BoardProjection
    let configuration: Configuration
    let boardName: String
    let layout: BoardLayout

    /// The first screen of the board `state` and `projection` hold, as the session would open
    /// it at `width`×`height`; nil if the opening is not a plain one.
    public init?(state: BoardState, projection: BoardProjection, configuration: Configuration, actor: String,
                 boardName: String, readOnlyReason: String?, warnings: [String], greeting: String?,
                 width: Int, height: Int, now: Timestamp, zone: TimeZone = .current) {
        guard configuration.errors.isEmpty, configuration.swimlanes == .none else { return nil }
        layout = BoardLayout(width: width, height: height)
        var context = ReduceContext(board: state, projection: projection, actor: actor, pageSize: layout.cardsPerColumn, now: now,
                                    views: configuration.savedViews, staleAfterDays: configuration.settings.staleAfterDays,
                                    readOnlyReason: readOnlyReason, bindings: configuration.keymap)
        context.zone = zone
        self.context = context
        self.projection = projection
        self.configuration = configuration
        self.boardName = boardName
        let opening = Opening(problems: configuration.errors, readOnlyReason: readOnlyReason, warnings: warnings,
                              asciiOnly: configuration.settings.asciiOnly, swimlanes: configuration.swimlanes, greeting: greeting)
        guard reduce(&ui, .opened(opening), context).isEmpty, ui.view == .board, ui.filter.isEmpty, ui.pinned == nil,
              ui.swimlanes == .none else { return nil }
        Viewport.adjust(&ui, projection: projection, layout: layout)
    }

    /// The frame, as the session draws it.
    public func frame() -> CellGrid {
        let view = ViewContext(session: context, ui: ui, theme: configuration.theme, keymap: configuration.keymap,
                               settings: configuration.settings, boardName: boardName)
        return Renderer.render(view, width: layout.width, height: layout.height)
    }

    /// Cards to read per column: more than a screen of the smallest cards holds.
    public static func cardsPerColumn(height: Int) -> Int { max(1, height) }
}
