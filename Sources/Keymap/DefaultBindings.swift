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
    bind generic T activity
    bind board S swimlanes
    bind board <Enter> open-issue
    bind activity <Enter> open-issue
    bind list <Enter> open-issue
    bind board <hash> goto
    bind list <hash> goto
    bind issue <Enter> follow
    bind issue <Backspace> back

    # Moving cards
    bind board H move-card-left
    bind board L move-card-right
    bind board K move-card-up
    bind board J move-card-down
    bind board M column-menu

    # Triage (on the selected issue, or on every marked one)
    bind generic n new-issue
    bind generic e edit-issue
    bind generic c comment
    bind generic C comment-line
    bind generic a assign
    bind generic A unassign
    bind generic t label
    bind generic pu priority urgent
    bind generic ph priority high
    bind generic pm priority medium
    bind generic pl priority low
    bind generic pn priority none
    bind generic x close-reopen
    bind generic m move-to
    bind generic <Space> mark
    bind generic * mark-all
    bind generic u undo
    bind generic <C-r> redo
    bind issue o toggle-task
    bind issue E edit-comment
    bind issue R delete-comment

    # Saved views
    bind generic 1 view 1
    bind generic 2 view 2
    bind generic 3 view 3
    bind generic 4 view 4
    bind generic 5 view 5
    bind generic 6 view 6
    bind generic 7 view 7
    bind generic 8 view 8
    bind generic 9 view 9
    """

    public static var file: RCFile { RCFile.parse(text, file: "(built-in)") }
}
