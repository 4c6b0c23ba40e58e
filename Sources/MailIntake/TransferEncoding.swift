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
    public static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 65...90: value = UInt32(byte - 65)
            case 97...122: value = UInt32(byte - 71)
            case 48...57: value = UInt32(byte + 4)
            case 43, 45: value = 62
            case 47, 95: value = 63
            case 61: return out // padding: the end
            default: continue
            }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
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
