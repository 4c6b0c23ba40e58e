#if canImport(Glibc)
import Glibc
#endif
import Screen

/// Where the CLI writes: stdout for results, stderr for `lanes: message` errors. Every string
/// that can hold user text is passed through the sanitiser by the caller or here.
enum Output {
    static func print(_ text: String) {
        write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDOUT_FILENO)
    }

    /// Prints UTF-8 that is already terminal-safe (JSON from `JSONWriter`), with a newline.
    static func print(utf8 bytes: [UInt8]) {
        write(bytes, to: STDOUT_FILENO)
        write([10], to: STDOUT_FILENO)
    }

    /// Writes a message to stderr; multi-line messages (usage help) keep their lines.
    static func error(_ text: String) {
        let clean = Sanitizer.multiline(text)
        write(Array((clean.hasSuffix("\n") ? clean : clean + "\n").utf8), to: STDERR_FILENO)
    }

    /// Says on stderr which assignees nobody on the board was called before: assigned anyway
    /// (scripts name new people too), but a typo should not pass unseen.
    static func noteNewUsers(_ names: [String]) {
        guard !names.isEmpty else { return }
        error("lanes: note: nobody on this board was called \(names.joined(separator: ", ")) before; assigned anyway")
    }

    /// Asks `question` on stderr (stdout stays the command's output) and reads the answer line.
    static func ask(_ question: String) -> String? {
        write(Array(Sanitizer.line(question).utf8), to: STDERR_FILENO)
        return readLine()
    }

    /// Prints `lanes: message` and exits 1.
    static func fail(_ message: String) -> Never {
        error("lanes: " + message)
        exit(1)
    }

    /// Writes all bytes, retrying short writes; a closed pipe just ends the output.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    /// Lets a pipe on `fd` hold 1 MB instead of Linux's 64 KB, for output of many megabytes
    /// (`list --format json` at 100,000 issues: 45 MB): the writer runs ahead of its reader
    /// instead of sleeping until it has read every 64 KB (at 100k, 693 waits and wake-ups
    /// become 2). Anything but a pipe, or a system that allows less, is left as it is.
    static func widenPipe(_ fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return }
        let wide: Int32 = 1 << 20
        if fcntl(fd, getPipeSize) < wide { _ = fcntl(fd, setPipeSize, wide) } // a reader's wider pipe stays as it is
    }

    /// `F_SETPIPE_SZ` and `F_GETPIPE_SZ` of Linux's <fcntl.h>, which Swift's Glibc module leaves out (they are `_GNU_SOURCE`).
    private static let setPipeSize: Int32 = 1031
    private static let getPipeSize: Int32 = 1032

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A one-line status on a terminal's stderr, overwritten by the next (empty clears it).
    static func progress(_ text: String) {
        write(Array(("\r\u{1B}[K" + Sanitizer.line(text)).utf8), to: STDERR_FILENO)
    }

    /// The terminal's width when stdout is one.
    static var terminalWidth: Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }
}
