import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("JSON reader")
struct JSONReaderTests {
    func read(_ text: String) -> JSONValue? { JSONReader.read(Data(text.utf8)) }

    @Test func values() {
        #expect(read(#"{"a":[1,-2.5,true,false,null,"x"],"b":{}}"#) == .object(["a": .array([.int(1), .double(-2.5), .bool(true), .bool(false), .null, .string("x")]), "b": .object([:])]))
        #expect(read("1234567890123456789") == .int(1_234_567_890_123_456_789))
        #expect(read("1e400") == .null)
        #expect(read(" [ ] ") == .array([]))
        // A name given twice keeps its last value.
        #expect(read(#"{"a":1,"b":true,"a":2}"#) == .object(["a": .int(2), "b": .bool(true)]))
    }

    @Test func escapes() {
        #expect(read(#""a\"b\\c\/d\n\t""#) == .string("a\"b\\c/d\n\t"))
        #expect(read(#""Jalan \u0041 \ud83d\ude00""#) == .string("Jalan A 😀"))
        #expect(read(#""Rp\u00a0250.000""#) == .string("Rp\u{a0}250.000"))
        // Text before and after an escape is kept whole, multi-byte letters included.
        #expect(read(#"["Kantor Dinas Perhubungan", "Tolong \"cek\" jalan 😡 ya", "é\n"]"#)
            == .array([.string("Kantor Dinas Perhubungan"), .string("Tolong \"cek\" jalan 😡 ya"), .string("é\n")]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":}", "01", "1.", "-", "tru", "\"\\ud83d\"", "\"\\x\"", "\"tab\there\"", "{\"a\":1}x", "[1 2]", "{'a':1}"])
    func refused(_ text: String) { #expect(read(text) == nil) }

    @Test func nestingLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(read(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(read(fine) != nil)
    }

    @Test func invalidUTF8() {
        #expect(JSONReader.read(Data([0x22, 0xFF, 0xFE, 0x22])) == nil)
        // The same after an escape, and a cut multi-byte letter.
        #expect(JSONReader.read(Data([0x22, 0x5C, 0x6E, 0xFF, 0x22])) == nil)
        #expect(JSONReader.read(Data([0x22, 0x61, 0xC3, 0x22])) == nil)
    }

    /// Objects keep their members in a list: a repeated name must still keep only its last
    /// value, in small objects and in large ones (which are deduplicated by hashing).
    @Test func repeatedNamesInLargeObjects() throws {
        let names = (0..<40).map { "k\($0)" }
        let text = "{" + names.map { "\"\($0)\":1" }.joined(separator: ",") + ",\"k7\":2,\"k39\":3}"
        let object = try #require(read(text)?.object)
        #expect(object.count == 40)
        #expect(object["k7"] == .int(2))
        #expect(object["k39"] == .int(3))
        #expect(object["k0"] == .int(1))
        #expect(object["k40"] == nil)
    }

    @Test func objectsCompareAndSerializeWhateverTheOrder() {
        #expect(read(#"{"b":1,"a":{"y":2,"x":3}}"#) == read(#"{"a":{"x":3,"y":2},"b":1}"#))
        #expect(read(#"{"a":1,"b":2}"#) != read(#"{"a":1,"c":2}"#))
        #expect(read(#"{"a":1}"#) != read(#"{"a":1,"b":2}"#))
        #expect(read(#"{"b":1,"a":{"y":2,"x":3}}"#)?.serialized == #"{"a":{"x":3,"y":2},"b":1}"#)
        // Large objects compare through a hashed pass.
        let forward = "{" + (0..<30).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let backward = "{" + (0..<30).reversed().map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        #expect(read(forward) == read(backward))
        #expect(read(forward) != read(backward.replacingOccurrences(of: "\"k3\":3", with: "\"k3\":4")))
    }

    @Test func objectsAreEdited() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(JSONValue.object(object) == ["a": 3, "c": 4])
        #expect(JSONValue.object(object).serialized == #"{"a":3,"c":4}"#)
    }
}
