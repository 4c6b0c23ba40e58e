import CNcursesShim
import Screen

/// Turns what `get_wch` returns into `Key`s.
enum KeyDecoder {
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 27: return .escape
        case 9: return .tab
        case 127, 8: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func function(_ code: Int32) -> Key? {
        switch code {
        case lanes_key_resize(): return .resize
        case lanes_key_up(): return .up
        case lanes_key_down(): return .down
        case lanes_key_left(): return .left
        case lanes_key_right(): return .right
        case lanes_key_home(): return .home
        case lanes_key_end(): return .end
        case lanes_key_npage(): return .pageDown
        case lanes_key_ppage(): return .pageUp
        case lanes_key_backspace(): return .backspace
        case lanes_key_dc(): return .delete
        case lanes_key_enter(): return .enter
        case lanes_key_btab(): return .backTab
        default:
            for n in 1...24 where lanes_key_f(Int32(n)) == code { return .function(n) }
            return nil
        }
    }
}
