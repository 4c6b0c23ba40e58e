#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// Long text is written in the user's editor, the way `git commit` does it.
///
/// The caller gives the terminal up first (the full-screen board suspends curses) and reads
/// the result with `EditorTemplate`, which never drops a line the person wrote.
public enum ExternalEditor {
    /// `$VISUAL`, else `$EDITOR`, else `vi`.
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingSpaces.isEmpty { return value }
        }
        return "vi"
    }

    /// Opens `template` in the editor and returns the file as the editor left it, byte for byte.
    public static func edit(template: String, environment: [String: String] = ProcessEnvironment.current) throws(BoardError) -> String {
        var name = Array("/tmp/lanes-edit-XXXXXX.txt".utf8CString)
        let fd = name.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { throw .io("cannot create a temporary file for the editor: \(String(cString: strerror(errno)))") }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let bytes = Array(template.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw .io("cannot write \(path)") }

        let status = run(["/bin/sh", "-c", command(environment: environment) + " \"$1\"", "sh", path])
        guard status == 0 else { throw .invalid("the editor exited with status \(status); nothing changed") }
        guard let text = TextFile.read(path) else { throw .io("cannot read \(path) back") }
        return text
    }

    /// Runs a child with the terminal, waits, returns its exit status.
    private static func run(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// The process environment as a dictionary.
public enum ProcessEnvironment {
    public static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
