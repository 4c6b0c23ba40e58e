/// What the run loop needs from a terminal: its size, a way to show a grid, and keys.
///
/// `NcursesScreen` implements it for real terminals; `MemoryScreen` for tests and the headless
/// `--keys … --dump` mode.
public protocol TerminalScreen: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `grid`; a real backend paints only `grid.changes(from:)` the last frame.
    func present(_ grid: CellGrid)
    /// Waits up to `timeoutMilliseconds` (nil: forever) for the next key.
    func nextKey(timeoutMilliseconds: Int?) -> Key?
    /// Forgets what is on the terminal so the next frame repaints everything (Ctrl-L).
    func invalidate()
    /// Gives the terminal back (for `$EDITOR`), then takes it again.
    func suspend()
    func resume()
    /// Ctrl-Z: stops the process with the terminal restored; returns after `fg`.
    func suspendProcess()
}

/// An in-memory terminal fed from a list of keys.
public final class MemoryScreen: TerminalScreen {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var grid: CellGrid
    private var pending: [Key]

    public init(width: Int, height: Int, keys: [Key] = []) {
        size = (width, height)
        grid = CellGrid(width: width, height: height)
        pending = keys
    }

    public func present(_ grid: CellGrid) {
        self.grid = grid
    }

    public func nextKey(timeoutMilliseconds: Int?) -> Key? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    public func feed(_ keys: [Key]) { pending.append(contentsOf: keys) }

    /// Changes the size, as a terminal resize would, and queues `.resize`.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        pending.append(.resize)
    }

    public func invalidate() {}
    public func suspend() {}
    public func resume() {}
    public func suspendProcess() {}
}
