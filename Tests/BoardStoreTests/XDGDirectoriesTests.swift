import Testing
@testable import BoardStore

/// One rule for the personal board, the rc file and the state directory.
@Suite struct XDGDirectoriesTests {
    @Test func anAbsoluteXDGVariableWinsElseHomeElseTmp() {
        let set = XDGDirectories(environment: ["XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s", "HOME": "/h"])
        #expect([set.data, set.config, set.state] == ["/d/lanes", "/c/lanes", "/s/lanes"])
        let relative = XDGDirectories(environment: ["XDG_DATA_HOME": "d", "XDG_CONFIG_HOME": "", "HOME": "/h"])
        #expect([relative.data, relative.config, relative.state] == ["/h/.local/share/lanes", "/h/.config/lanes", "/h/.local/state/lanes"])
        let homeless = XDGDirectories(environment: [:])
        #expect([homeless.data, homeless.config, homeless.state] == ["/tmp/.local/share/lanes", "/tmp/.config/lanes", "/tmp/.local/state/lanes"])
        #expect(BoardLocation.personal(environment: ["HOME": "/h"]).root == "/h/.local/share/lanes")
    }
}
