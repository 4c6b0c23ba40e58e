/// A subcommand's arguments in the plain shape scripts type: words, and long options given as
/// `--name value` or `--name=value` (a named option once, a repeatable one any number of
/// times) or as a flag `--name`, in any order.
///
/// Accepted only where ArgumentParser reads the same words the same way (its `SplitArguments`):
/// anything else (a word that starts with `-` other than `-` itself, `--`, an unknown or
/// repeated option, an option without a value or whose value starts with `-` or is empty) is
/// refused (nil), and the command line then goes to ArgumentParser, which says what it always said.
struct PlainCommandLine {
    /// The words that are not options, in order (`-` and the empty word among them).
    private(set) var words: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// `options` take a value and may be given once, `repeatable` any number of times; `flags` take none.
    init?(_ arguments: ArraySlice<String>, options: Set<String>, repeatable: Set<String> = [], flags known: Set<String> = []) {
        var rest = arguments
        while let argument = rest.popFirst() {
            guard argument.utf8.count > 1, argument.utf8.first == UInt8(ascii: "-") else {
                words.append(argument)
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            let option = argument.dropFirst(2)
            if let equals = option.firstIndex(of: "=") {
                let name = String(option[..<equals])
                guard options.contains(name) || repeatable.contains(name) else { return nil }
                guard add(String(option[option.index(after: equals)...]), to: name, repeatable: repeatable) else { return nil }
            } else if known.contains(String(option)) {
                guard flags.insert(String(option)).inserted else { return nil }
            } else {
                let name = String(option)
                guard options.contains(name) || repeatable.contains(name), let value = rest.popFirst() else { return nil }
                guard value.utf8.first != UInt8(ascii: "-"), add(value, to: name, repeatable: repeatable) else { return nil }
            }
        }
    }

    private mutating func add(_ value: String, to name: String, repeatable: Set<String>) -> Bool {
        guard !value.isEmpty, repeatable.contains(name) || values[name] == nil else { return false }
        values[name, default: []].append(value)
        return true
    }

    /// The value of an option given at most once, if given.
    func value(_ name: String) -> String? { values[name]?.first }

    /// Every value of a repeatable option, in order.
    func values(_ name: String) -> [String] { values[name] ?? [] }

    func flag(_ name: String) -> Bool { flags.contains(name) }
}
