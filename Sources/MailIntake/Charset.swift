#if canImport(Glibc)
import Glibc
#endif

/// Bytes in a declared charset to text, through glibc's iconv (which knows ISO-8859-*,
/// Windows-125x, ISO-2022-JP, Shift_JIS, GB2312/GBK/GB18030, Big5, KOI8 and the rest).
///
/// Never fails: an unknown charset is read as UTF-8 if the bytes are valid UTF-8, else as
/// Windows-1252 (what mislabelled Western mail nearly always is); a byte iconv cannot convert
/// becomes U+FFFD and conversion goes on after it.
public enum Charset {
    public static func decode(_ bytes: ArraySlice<UInt8>, charset: String) -> String {
        let name = canonical(charset)
        if name == "utf-8" || name == "us-ascii" || name.isEmpty { return text(bytes) }
        return convert(bytes, from: name) ?? text(bytes)
    }

    /// UTF-8 if the bytes are valid UTF-8, else Windows-1252: how undeclared 8-bit text reads.
    public static func text(_ bytes: ArraySlice<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        return convert(bytes, from: "windows-1252") ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The lowercased name with anything but letters, digits and `-_.:` refused (a charset
    /// name comes from the sender), and the aliases iconv reads more widely.
    static func canonical(_ charset: String) -> String {
        let lower = charset.trimmingCharacters(in: "\"' ").lowercased()
        guard lower.utf8.count <= 40, lower.utf8.allSatisfy({ isNameByte($0) }) else { return "invalid" }
        switch lower {
        case "utf8": return "utf-8"
        case "ascii", "us_ascii", "ansi_x3.4-1968": return "us-ascii"
        // GB18030 is a superset of both, and mail labelled GB2312 often uses GBK characters.
        case "gb2312", "gbk", "x-gbk", "euc-cn": return "gb18030"
        // Microsoft's and the web's reading of these labels (WHATWG Encoding).
        case "iso-8859-1", "latin1", "us-ascii-8": return "windows-1252"
        case "shift_jis", "sjis", "x-sjis", "shift-jis": return "cp932"
        case "ks_c_5601-1987": return "cp949"
        default: return lower
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 || byte == 46 || byte == 58
    }

    /// iconv from `charset` to UTF-8, or nil if iconv does not know the charset.
    static func convert(_ bytes: ArraySlice<UInt8>, from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: max(64, bytes.count * 4 + 16))
        var produced = 0
        var input = Array(bytes)
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
                    // Skip the byte iconv stopped at, mark it, go on.
                    for byte in replacement {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer?.advanced(by: 1)
                    }
                    outLeft -= 3
                    inPointer = inPointer?.advanced(by: 1)
                    inLeft -= 1
                }
                // Flush a stateful encoding (ISO-2022-JP back to ASCII).
                _ = iconv(converter, nil, nil, &outPointer, &outLeft)
                produced = outBuffer.count - outLeft
            }
        }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}

extension String {
    /// Without any of `set` at either end.
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
