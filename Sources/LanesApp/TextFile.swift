#if canImport(Glibc)
import Glibc
#endif

/// Reading a small text file (rc files, themes, the editor's result) without Foundation.
enum TextFile {
    /// A whole text file (invalid UTF-8 repaired), or nil if it cannot be opened.
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
