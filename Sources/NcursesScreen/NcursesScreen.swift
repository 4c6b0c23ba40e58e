#if canImport(Glibc)
import Glibc
#endif
import CNcursesShim
import Screen

/// A real terminal through ncursesw.
///
/// `present` hands ncurses only the cells `CellGrid.changes(from:visible:)` finds changed since
/// the last frame; ncurses then sends the terminal only the difference. A cursor move therefore
/// costs a few dozen bytes, which is what makes the board pleasant over SSH. All curses calls
/// happen on the thread that created the screen.
public final class NcursesScreen: TerminalScreen {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case noTerm
        case unknownTerm(String)
        case cannotAddress(String)

        public var description: String {
            switch self {
            case .notATerminal: "not a terminal; try \"lanes list\""
            case .noTerm: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)"
            case .unknownTerm(let term): "unknown terminal type \"\(term)\"; set TERM to one terminfo knows (e.g. xterm-256color)"
            case .cannotAddress(let term): "terminal \"\(term)\" cannot move the cursor; a full-screen board needs one that can (e.g. TERM=xterm-256color)"
            }
        }
    }

    private var last: CellGrid?
    private var palette: ColorPalette
    public private(set) var size: (width: Int, height: Int)
    /// Whether the locale writes UTF-8; if not, each cell is drawn as one ASCII character
    /// (`CellGrid.replacingNonASCII`), as ncurses would otherwise drop what it cannot encode.
    public let isUTF8: Bool

    private init() {
        palette = ColorPalette(colors: Int(lanes_colors()), pairs: Int(lanes_color_pairs()), hasColors: lanes_has_colors() == 1)
        size = (Int(lanes_cols()), Int(lanes_lines()))
        isUTF8 = lanes_locale_is_utf8() == 1
    }

    /// Takes over the terminal. Checks first that there is one, and that TERM describes it.
    /// `forceUTF8` writes UTF-8 whatever the locale says (`lanes --utf8`, like `tmux -u`), for a
    /// UTF-8 terminal reached through an `ssh` that does not forward LANG.
    public static func start(environment: [String: String], mouse: Bool = true, forceUTF8: Bool = false) throws(StartError) -> NcursesScreen {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerm }
        if forceUTF8 { setenv("LC_ALL", "C.UTF-8", 1) } // read by lanes_start's setlocale, and by $EDITOR
        lanes_install_signal_handlers()
        guard lanes_start() == 0 else { throw .unknownTerm(term) }
        guard lanes_can_address_cursor() == 1 else {
            lanes_stop()
            throw .cannotAddress(term)
        }
        lanes_enable_mouse(mouse ? 1 : 0)
        return NcursesScreen()
    }

    public func stop() { lanes_stop() }

    /// While true, Ctrl-C interrupts the process as it does before the screen starts (the
    /// board loading behind its first screen can be given up); keys typed meanwhile still wait.
    public func keysSignal(_ on: Bool) { lanes_keys_signal(on ? 1 : 0) }

    public func present(_ grid: CellGrid) {
        let grid = isUTF8 ? grid : grid.replacingNonASCII()
        size = (Int(lanes_cols()), Int(lanes_lines()))
        var scalars: [wchar_t] = []
        for change in grid.changes(from: last, visible: size) {
            let cell = change.cell
            scalars.removeAll(keepingCapacity: true)
            for scalar in cell.text.unicodeScalars.prefix(5) { scalars.append(wchar_t(bitPattern: scalar.value)) }
            if scalars.isEmpty { scalars.append(32) }
            // The bottom-right cell of some terminals scrolls when written; ncurses handles it.
            let shown = palette.resolve(cell.style)
            _ = lanes_put(Int32(change.y), Int32(change.x), scalars, Int32(scalars.count), Int32(palette.pair(for: shown)),
                          attributes(shown.attributes))
        }
        last = grid
        if let cursor = grid.cursor {
            lanes_flush(Int32(cursor.y), Int32(cursor.x), 1)
        } else {
            lanes_flush(0, 0, 0)
        }
    }

    public func nextKey(timeoutMilliseconds: Int?) -> Key? {
        let raw = lanes_read_key(Int32(timeoutMilliseconds ?? -1))
        switch raw.kind {
        case 1: return KeyDecoder.character(raw.code)
        case 2:
            if Int32(raw.code) == lanes_key_mouse() { return readMouse() }
            let key = KeyDecoder.function(Int32(raw.code))
            if key == .resize {
                size = (Int(lanes_cols()), Int(lanes_lines()))
                last = nil
            }
            return key
        default: return nil
        }
    }

    private func readMouse() -> Key? {
        var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0
        guard lanes_read_mouse(&x, &y, &kind) == 0 else { return nil }
        let action: MouseEvent.Action
        switch kind {
        case 1: action = .press
        case 2: action = .doublePress
        case 3: action = .wheelUp
        case 4: action = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(action: action, x: Int(x), y: Int(y)))
    }

    public func invalidate() {
        last = nil
        lanes_clear()
    }

    public func suspend() { lanes_suspend() }

    public func resume() {
        lanes_resume()
        invalidate()
    }

    public func suspendProcess() {
        lanes_suspend_process()
        size = (Int(lanes_cols()), Int(lanes_lines()))
        last = nil
    }

    private func attributes(_ attributes: TextAttributes) -> Int32 {
        var result: Int32 = 0
        if attributes.contains(.bold) { result |= Int32(LANES_ATTR_BOLD) }
        if attributes.contains(.underline) { result |= Int32(LANES_ATTR_UNDERLINE) }
        if attributes.contains(.reverse) { result |= Int32(LANES_ATTR_REVERSE) }
        if attributes.contains(.dim) { result |= Int32(LANES_ATTR_DIM) }
        if attributes.contains(.italic) { result |= Int32(LANES_ATTR_ITALIC) }
        return result
    }
}
