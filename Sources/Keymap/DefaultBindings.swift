/// The built-in bindings, written in the same `bind` lines a user puts in their rc file
/// (tig's built-in tigrc). docs/keys.md lists them.
public enum DefaultBindings {
    public static let text = """
    # Moving around
    bind generic j cursor-down
    bind generic <Down> cursor-down
    bind generic k cursor-up
    bind generic <Up> cursor-up
    bind generic g cursor-first
    bind generic <Home> cursor-first
    bind generic G cursor-last
    bind generic <End> cursor-last
    bind generic <PageDown> page-down
    bind generic <C-f> page-down
    bind generic <PageUp> page-up
    bind generic <C-b> page-up
    bind board h cursor-left
    bind board <Left> cursor-left
    bind board l cursor-right
    bind board <Right> cursor-right

    # Views
    bind generic q back
    bind generic Q quit
    bind generic <C-c> quit
    bind generic <Esc> cancel
    bind generic ? help
    bind generic : command-line
    bind generic / filter
    bind generic v toggle-view
    bind generic <C-l> redraw
    bind generic <C-z> suspend
    bind board <Enter> open-issue
    bind list <Enter> open-issue

    # Moving cards
    bind board H move-card-left
    bind board L move-card-right
    bind board K move-card-up
    bind board J move-card-down
    """

    public static var file: RCFile { RCFile.parse(text, file: "(built-in)") }
}
