import BoardIndex
import BoardModel
import BoardStore
import LanesApp
import NcursesScreen
import Screen

/// The first frame of the full-screen board drawn from the board's index, before the board
/// itself is read (`FirstScreen`): at 100,000 issues the index gives it in a few tens of
/// milliseconds, where reading the board takes half a second or more.
extension BoardCommand {
    /// The terminal, started, with the first frame drawn from the index (and that first
    /// screen, which answers moves while the board is read, if the opening is a plain one), if
    /// there is a usable index (nil otherwise: the board is read first, as before). The index
    /// is closed before the board is read, so the session does not keep its connection and pages.
    func firstScreen() throws -> (screen: NcursesScreen, first: FirstScreen?)? {
        guard let (index, configuration) = firstScreenSource() else { return nil }
        let screen = try startScreen(mouse: configuration.mouse)
        var settled = configuration
        settled.settings.asciiOnly = !screen.isUTF8
        let first = drawFirstScreen(from: index, configuration: settled, on: screen)
        screen.keysSignal(true) // Ctrl-C gives up the load, as before the screen started early
        return (screen, first)
    }

    /// The board's index, if it is current, and the configuration as its board-wide state
    /// checks it; nil (and the board opens as before) if there is no usable index or the
    /// board has something to say on stderr first (a warning about its files).
    func firstScreenSource() -> (index: BoardIndex, configuration: Configuration)? {
        let location = options.location
        guard location.exists, let index = BoardIndex.openIfCurrent(location, environment: options.environment),
              index.warnings.isEmpty else { return nil }
        let configuration = Configuration(
            rcFiles: Configuration.rcFiles(boardDirectory: location.directory, environment: options.environment),
            environment: options.environment, board: index.boardState)
        return (index, configuration)
    }

    /// Draws the first frame from the index on `screen`, as the session will draw it, if the
    /// opening is a plain one (`FirstScreen`), and returns that first screen.
    @discardableResult
    func drawFirstScreen(from index: BoardIndex, configuration: Configuration, on screen: TerminalScreen) -> FirstScreen? {
        let size = screen.size
        let location = options.location
        guard let (state, projection) = index.firstScreen(cardsPerColumn: FirstScreen.cardsPerColumn(height: size.height),
                                                          now: options.fixedNow(), zone: .current,
                                                          staleAfterDays: configuration.settings.staleAfterDays),
              let first = FirstScreen(state: state, projection: projection, configuration: configuration,
                                      actor: options.actorName, boardName: location.name,
                                      readOnlyReason: EventLog.writeRefusal(version: index.logFormatVersion, location: location)
                                          ?? options.restriction,
                                      warnings: [], greeting: greeting,
                                      width: size.width, height: size.height, now: options.fixedNow()) else { return nil }
        screen.present(first.frame())
        return first
    }
}
