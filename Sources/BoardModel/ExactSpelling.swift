/// A string as its bytes, as a dictionary or set key: names that `String`'s `==` finds
/// canonically equal ("é" and "e" with a combining accent) are two keys here, so whatever is
/// kept under a key reads back the bytes it was given (the process's name table,
/// `InternedName`; the name tables of an index build, whose spellings must be each issue's own).
package struct ExactSpelling: Hashable {
    package let name: String

    package init(_ name: String) { self.name = name }

    package static func == (a: ExactSpelling, b: ExactSpelling) -> Bool { a.name.utf8.elementsEqual(b.name.utf8) }

    package func hash(into hasher: inout Hasher) {
        // The same bytes hashed the same way whether the string is contiguous or not.
        if name.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(name.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
