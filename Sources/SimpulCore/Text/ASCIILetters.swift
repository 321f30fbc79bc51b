/// ASCII letters as bytes, so the stemming rules read as `c == .m` rather than `c == 0x6D`.
extension UInt8 {
    static var a: UInt8 { 0x61 }
    static var b: UInt8 { 0x62 }
    static var c: UInt8 { 0x63 }
    static var d: UInt8 { 0x64 }
    static var e: UInt8 { 0x65 }
    static var f: UInt8 { 0x66 }
    static var g: UInt8 { 0x67 }
    static var h: UInt8 { 0x68 }
    static var i: UInt8 { 0x69 }
    static var j: UInt8 { 0x6A }
    static var k: UInt8 { 0x6B }
    static var l: UInt8 { 0x6C }
    static var m: UInt8 { 0x6D }
    static var n: UInt8 { 0x6E }
    static var p: UInt8 { 0x70 }
    static var q: UInt8 { 0x71 }
    static var r: UInt8 { 0x72 }
    static var s: UInt8 { 0x73 }
    static var t: UInt8 { 0x74 }
    static var u: UInt8 { 0x75 }
    static var v: UInt8 { 0x76 }
    static var w: UInt8 { 0x77 }
    static var y: UInt8 { 0x79 }
    static var z: UInt8 { 0x7A }
}
