import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: JSON values, times and ids")
struct ParsingSupportTests {
    @Test func idsFromNumbersAndStrings() throws {
        let value = try JSONValue.parse(Data(#"{"a":"12","b":12,"c":12.0,"d":1375152598945312768,"e":" 7 ","f":"","g":true,"h":null,"i":1.5}"#.utf8))
        #expect(value["a"]?.idString == "12")
        #expect(value["b"]?.idString == "12")
        #expect(value["c"]?.idString == "12")
        #expect(value["d"]?.idString == "1375152598945312768")
        #expect(value["e"]?.idString == "7")
        #expect(value["f"]?.idString == nil)
        #expect(value["g"]?.idString == nil)
        #expect(value["h"]?.idString == nil)
        #expect(value["i"]?.idString == "1.5")
        #expect(value["missing"] == nil)
        #expect(value[path: "a", "deeper"] == nil)
    }

    @Test func serialisesWithSortedKeysAndEscapes() throws {
        let text = #"{"z":1,"a":[true,false,null,2.5,-3],"m":{"y":"line\nbreak \"quoted\" \\ \u0001 tab\t ✓ 😀 /"}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value.serialized == #"{"a":[true,false,null,2.5,-3],"m":{"y":"line\nbreak \"quoted\" \\ \u0001 tab\t ✓ 😀 /"},"z":1}"#)
        // What it writes reads back as the same value.
        #expect(try JSONValue.parse(Data(value.serialized.utf8)) == value)
    }

    @Test func membersOfSmallAndLargeObjects() throws {
        for size in [1, 12, 13, 40] {
            let text = "{" + (0..<size).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}"
            let value = try JSONValue.parse(Data(text.utf8))
            #expect((0..<size).allSatisfy { value["k\($0)"]?.int == $0 })
            #expect(value["k\(size)"] == nil && value["K0"] == nil)
        }
        #expect(JSONValue.array([.int(1)])["k0"] == nil)
    }

    @Test func serialisesEveryEscapeAndNumberForm() {
        let value: JSONValue = [
            "é": 1, "e": 2, "Z": 3, "o": [:], "a": [],
            "s": .string("\u{08}\u{0C}\r\u{1F}\u{7F}é😀"),
            "n": .array([.int(.min), .int(.max), .double(1e20), .double(0.1), .double(-0.0), .double(.nan), .double(-42)]),
        ]
        // Keys in String order (é after z), control characters as short escapes or \u00xx in
        // lower case, DEL and all non-ASCII text as it is.
        let expected = #"{"Z":3,"a":[],"e":2,"n":[-9223372036854775808,9223372036854775807,1e+20,0.1,0,null,-42],"o":{},"s":"\b\f\r\u001f"#
            + "\u{7F}é😀" + #"","é":1}"#
        #expect(value.serialized == expected)
    }

    @Test func timestamps() {
        #expect(Timestamp.date(.int(1_449_135_003)) == unix(1_449_135_003))
        #expect(Timestamp.date(.string("1653253313")) == unix(1_653_253_313))
        #expect(Timestamp.date(.int(1_457_764_197_627)) == unix(1_457_764_197.627))
        #expect(Timestamp.date(.string("1457764197627")) == unix(1_457_764_197.627))
        #expect(Timestamp.date(.double(1_653_253_313.5)) == unix(1_653_253_313.5))
        #expect(Timestamp.date(.string("2016-03-11T10:12:11+0000")) == unix(1_457_691_131))
        #expect(Timestamp.date(.string("2016-03-11T10:12:11+00:00")) == unix(1_457_691_131))
        #expect(Timestamp.date(.string("2019-04-20T01:03:39.000Z")) == unix(1_555_722_219))
        #expect(Timestamp.date(.string("2025-06-20T12:30:15.250+07:00")) == unix(1_750_397_415.25))
        #expect(Timestamp.date(.string("2024-12-31T23:59:59-05:30")) == unix(1_735_709_399))
        #expect(Timestamp.date(.string("2000-02-29T23:59:59Z")) == unix(951_868_799))
        #expect(Timestamp.date(.string("2025-06-20T10:00:00")) == unix(1_750_413_600))
    }

    @Test func timestampsThatAreNot() {
        for value: JSONValue in [
            .null, .bool(true), .int(0), .int(-5), .double(1e300), .string(""), .string("soon"),
            .string("2025-13-01T00:00:00Z"), .string("2025-06-20"), .string("2025-06-20T10:00Z"),
            .string("2025-06-20T10:00:00+"), .string("2025-06-20T10:00:00.Z"), .string("2025-06-20T10:00:00Zjunk"),
            .array([]), .object([:]),
        ] {
            #expect(Timestamp.date(value) == nil, "\(value)")
        }
    }

    @Test func syntheticIDsAreStable() {
        #expect(SyntheticID.join(["reaction", "1_2", nil, "like"]) == "reaction:1_2:-:like")
        let first = SyntheticID.digest(prefix: "unknown:feed", of: #"{"a":1}"#)
        #expect(first == SyntheticID.digest(prefix: "unknown:feed", of: #"{"a":1}"#))
        #expect(first != SyntheticID.digest(prefix: "unknown:feed", of: #"{"a":2}"#))
        #expect(first.hasPrefix("unknown:feed:"))
        #expect(first.count == "unknown:feed:".count + 32)
    }

    @Test func everyFixtureParsesWithoutThrowingOrWithAShapeError() throws {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let folders: [(String, PayloadFormat)] = [
            ("meta", .meta), ("instagram", .instagram), ("whatsapp", .whatsapp), ("x", .x), ("youtube", .youtube),
        ]
        var parsed = 0
        for source in ["upstream", "own"] {
            for (folder, format) in folders {
                let directory = root.appendingPathComponent(source).appendingPathComponent(folder)
                let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
                for name in names.sorted() {
                    let data = try Data(contentsOf: directory.appendingPathComponent(name))
                    do {
                        let events = try PayloadParser.parse(data, as: format)
                        for event in events {
                            #expect(!event.eventID.isEmpty, "\(source)/\(folder)/\(name)")
                            #expect(event.platform == format.platform)
                            #expect((try? JSONValue.parse(Data(event.raw.utf8))) != nil, "raw of \(name) is JSON")
                        }
                        parsed += 1
                    } catch {
                        guard case .unexpectedShape = error else {
                            Issue.record("\(source)/\(folder)/\(name): \(error)")
                            continue
                        }
                    }
                }
            }
        }
        #expect(parsed >= 25)
    }
}
