/// Content-Transfer-Encoding (RFC 2045 §6): base64 and quoted-printable undone; anything else
/// (7bit, 8bit, binary, unknown) is the bytes as they are. Broken input decodes as far as it goes.
public enum TransferEncoding {
    public static func decode(_ bytes: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding {
        case "base64": base64(bytes)
        case "quoted-printable": quotedPrintable(bytes)
        default: Array(bytes)
        }
    }

    /// Base64, skipping anything outside the alphabet (line breaks, stray characters).
    /// Walks raw memory with a table: attachments run to tens of megabytes.
    public static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        base64Values.withUnsafeBufferPointer { table in bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count * 3 / 4 + 3) { output, written in
                var buffer: UInt32 = 0
                var bits: UInt32 = 0
                var count = 0
                for byte in input {
                    let value = table[Int(byte)]
                    if value == 0xFF { continue }
                    if value == 0xFE { break } // padding: the end
                    buffer = buffer << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        output[count] = UInt8(truncatingIfNeeded: buffer >> bits)
                        count += 1
                    }
                }
                written = count
            }
        } }
    }

    /// Each byte's 6-bit value (both the standard and the URL-safe alphabet), 0xFE for `=`,
    /// 0xFF for anything else.
    static let base64Values: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 65...90: UInt8(byte - 65)
        case 97...122: UInt8(byte - 71)
        case 48...57: UInt8(byte + 4)
        case 43, 45: 62
        case 47, 95: 63
        case 61: 0xFE
        default: 0xFF
        }
    }

    /// Quoted-printable: `=XX` bytes and `=` soft line breaks; `underscores` for RFC 2047's Q.
    public static func quotedPrintable(_ bytes: ArraySlice<UInt8>, underscores: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 61 {
                let next = index + 1
                if next + 1 < bytes.endIndex || next + 1 == bytes.endIndex,
                   next < bytes.endIndex, next + 1 < bytes.endIndex,
                   let high = HeaderValue.hexValue(bytes[next]), let low = HeaderValue.hexValue(bytes[next + 1]) {
                    out.append(high << 4 | low)
                    index = next + 2
                    continue
                }
                // A soft line break: `=` then optional spaces, then CRLF or LF.
                var end = next
                while end < bytes.endIndex, bytes[end] == 32 || bytes[end] == 9 { end += 1 }
                if end < bytes.endIndex, bytes[end] == 13 { end += 1 }
                if end < bytes.endIndex, bytes[end] == 10 { index = end + 1; continue }
                if end == bytes.endIndex { break }
                out.append(byte)
            } else if underscores, byte == 95 {
                out.append(32)
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
