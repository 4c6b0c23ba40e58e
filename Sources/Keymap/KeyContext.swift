/// Where a binding applies. Every context falls back to `generic`.
public enum KeyContext: String, CaseIterable, Sendable {
    case generic, board, list, issue, help, activity
}
