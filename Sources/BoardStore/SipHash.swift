/// SipHash-2-4 (Aumasson and Bernstein): a keyed hash that nobody without the 128-bit key
/// can compute, so a value sealed with it cannot be forged by someone who only sees the data.
package enum SipHash {
    package static func hash(_ message: [UInt8], key: [UInt8]) -> UInt64 {
        precondition(key.count == 16)
        func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        let k0 = word(key[0..<8]), k1 = word(key[8..<16])
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1
        func round() {
            v0 = v0 &+ v1; v1 = v1.rotl(13); v1 ^= v0; v0 = v0.rotl(32)
            v2 = v2 &+ v3; v3 = v3.rotl(16); v3 ^= v2
            v0 = v0 &+ v3; v3 = v3.rotl(21); v3 ^= v0
            v2 = v2 &+ v1; v1 = v1.rotl(17); v1 ^= v2; v2 = v2.rotl(32)
        }
        let whole = message.count / 8 * 8
        var index = 0
        while index < whole {
            let m = word(message[index..<(index + 8)])
            v3 ^= m; round(); round(); v0 ^= m
            index += 8
        }
        let last = word(message[whole...]) | UInt64(message.count & 0xff) << 56
        v3 ^= last; round(); round(); v0 ^= last
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

private extension UInt64 {
    func rotl(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
