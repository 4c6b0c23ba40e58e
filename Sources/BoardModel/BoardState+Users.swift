extension BoardState {
    /// The actor when `name` is `me` (in any case), else nil: the one place the word is
    /// understood, for the query language (`assignee:me`, `author:me`), the prompt's `:assign`
    /// and the CLI's `--assign` and `assign` (through `resolveUsers`).
    public static func resolveMe(_ name: some StringProtocol, as actor: String) -> String? {
        name.lowercased() == "me" ? actor : nil
    }

    /// The users people mean by `names`: `me` is `actor`, a leading `@` is dropped (`@bob` is
    /// bob, as cards show him), and a name already on the board is spelled as it is there
    /// whatever its case (`Bob` and `bob` are one person). `unknown` are the names nobody on
    /// the board has used yet, so a typo can be caught before it makes a new person.
    public func resolveUsers(_ names: [String], me actor: String) -> (users: [String], unknown: [String]) {
        guard !names.isEmpty else { return ([], []) }
        return BoardState.resolve(names, me: actor, known: knownUsers + [actor]) // one pass over the issues, only when someone is named
    }

    /// `resolveUsers` against `known`, sorted as `knownUsers` is, then the actor.
    static func resolve(_ names: [String], me actor: String, known: [String]) -> (users: [String], unknown: [String]) {
        var users: [String] = [], unknown: [String] = []
        for name in names {
            var bare = Substring(name.trimmingSpaces)
            while bare.hasPrefix("@") { bare = bare.dropFirst() }
            guard !bare.isEmpty else { continue }
            if let me = BoardState.resolveMe(bare, as: actor) {
                users.append(me)
            } else if let spelled = known.first(where: { $0.caseInsensitiveEquals(String(bare)) }) {
                users.append(spelled)
            } else {
                users.append(String(bare))
                unknown.append(String(bare))
            }
        }
        return (users, unknown)
    }
}
