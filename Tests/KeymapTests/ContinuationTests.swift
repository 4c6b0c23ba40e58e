import Testing
@testable import BoardModel
@testable import Keymap
import Screen

/// What may follow a prefix key, for the status-line hint: in binding order, with a context's
/// own bindings (and unbindings) shadowing generic ones.
@Suite struct ContinuationTests {
    func keymap(_ rc: String) -> Keymap {
        var builder = KeymapBuilder()
        builder.apply(DefaultBindings.file, name: "(built-in)")
        builder.apply(RCFile.parse(rc, file: "lanesrc"), name: "lanesrc")
        #expect(builder.errors.isEmpty)
        return builder.keymap
    }

    func hint(_ keymap: Keymap, _ pending: String, in context: KeyContext) -> [String] {
        keymap.continuations(of: KeyNotation.parse(pending)!, in: context).map {
            [KeyNotation.format($0.keys), $0.command.name.rawValue, $0.command.argument].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    @Test func prefixKeysListWhatMayFollowInBindingOrder() {
        let map = keymap("bind board pn none\nbind board px priority high\nbind list gd goto 3\n")
        #expect(hint(map, "p", in: .generic) == ["u priority urgent", "h priority high", "m priority medium", "l priority low", "n priority none"])
        #expect(hint(map, "p", in: .board) == ["u priority urgent", "h priority high", "m priority medium", "l priority low", "x priority high"])
        #expect(hint(map, "g", in: .list) == ["d goto"])
        #expect(hint(map, "pu", in: .board).isEmpty)
    }
}
