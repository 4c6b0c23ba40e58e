import Foundation

/// Polls `condition` every `interval` seconds until it holds (true) or `timeout` seconds pass
/// (false). The default is `Tmux.patience`: only a failing wait reaches it, and on a loaded CI
/// machine a passing one can take many seconds.
func eventually(timeout: Double = Tmux.patience, interval: Double = 0.05, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: interval)
    }
}
