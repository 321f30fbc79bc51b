import Foundation
import Testing
@testable import SimpulCore

@Suite("Validation, CSV and formats")
struct ValidationTests {
    @Test(arguments: ["admin@kota.go.id", "a.b+c@d-e.co.id", "x@y.id"])
    func goodEmails(_ email: String) { #expect(Validators.isEmail(email)) }

    @Test(arguments: ["", "a", "a@", "@b.id", "a@b", "a@@b.id", "a b@c.id", "a@b..id", ".a@b.id", "a@-b.id", "a@b.c"])
    func badEmails(_ email: String) { #expect(!Validators.isEmail(email)) }

    @Test func nip() {
        var errors = FieldErrors()
        #expect(Validators.nip("198503152010011002", into: &errors) == "198503152010011002")
        #expect(errors.isEmpty)
        for bad in ["12345", "19851315201001100A", "198513152010011002", "198503152010013002"] {
            var e = FieldErrors()
            _ = Validators.nip(bad, into: &e)
            #expect(e["nip"] == .invalidNIP, "\(bad)")
        }
        var empty = FieldErrors()
        #expect(Validators.nip("  ", into: &empty) == nil && empty.isEmpty)
    }

    @Test func phones() {
        var errors = FieldErrors()
        #expect(Validators.phone("0812-3456-7890", into: &errors) == "+6281234567890")
        #expect(Validators.phone("+62 811 000 111", into: &errors) == "+62811000111")
        #expect(Validators.phone("6281234567890", into: &errors) == "+6281234567890")
        #expect(errors.isEmpty)
        var bad = FieldErrors()
        _ = Validators.phone("12ab", into: &bad)
        #expect(bad["phone"] == .invalidPhone)
    }

    @Test func passwordsRespectBcryptLimit() {
        var errors = FieldErrors()
        _ = Validators.password(String(repeating: "é", count: 40), into: &errors)
        #expect(errors["password"] == .tooLong(max: 72))
    }

    @Test func handles() {
        #expect(HandleRules.normalise("@DinkesKota", for: .instagram) == "dinkeskota")
        #expect(HandleRules.isValid("dinkes.kota_01", for: .instagram))
        #expect(!HandleRules.isValid("dinkes kota", for: .instagram))
        #expect(!HandleRules.isValid("akun.", for: .instagram))
        #expect(HandleRules.isValid("pemkot_x", for: .x))
        #expect(!HandleRules.isValid("nama.dengan.titik", for: .x))
        #expect(!HandleRules.isValid("sixteen_chars_xx", for: .x))
        #expect(HandleRules.isValid("+62811000111", for: .whatsapp))
        #expect(!HandleRules.isValid("0811000111", for: .whatsapp))
    }

    @Test func accountValidation() {
        let unit = UUID(), owner = UUID()
        let ok = AccountValidation.validate(
            AccountInput(platform: "tiktok", handle: "@Budi.ASN", displayName: "Budi", kind: "staff", unit: "DINKES", owner: "budi@kota.go.id", followers: "1.234", status: nil),
            findUnit: { $0 == "DINKES" ? unit : nil }, findOwner: { $0 == "budi@kota.go.id" ? owner : nil })
        let draft = try? ok.get()
        #expect(draft?.handle == "budi.asn")
        #expect(draft?.followers == 1234)
        #expect(draft?.ownerID == owner)
        #expect(draft?.status == .disconnected)

        let bad = AccountValidation.validate(AccountInput(platform: "friendster", kind: "official", unit: "X", owner: "y@z.id", followers: "-1"),
                                             findUnit: { _ in nil }, findOwner: { _ in nil })
        guard case .failure(let box) = bad else { Issue.record("expected failure"); return }
        #expect(box.errors["platform"] == .invalidChoice)
        #expect(box.errors["handle"] == .required)
        #expect(box.errors["display_name"] == .required)
        #expect(box.errors["unit"] == .unknownUnit)
        #expect(box.errors["owner"] == .unknownUser)
        #expect(box.errors["followers"] == .outOfRange(min: 0, max: AccountValidation.followersMax))
    }

    @Test func csvReader() throws {
        let rows = try CSVReader.parse("\u{FEFF}a,b,c\r\n1,\"dua, \"\"tiga\"\"\",3\n\n\"baris\nbaru\",x,\n")
        #expect(rows == [["a", "b", "c"], ["1", "dua, \"tiga\"", "3"], ["baris\nbaru", "x", ""]])
        #expect(try CSVReader.parse("a;b\n1;2") == [["a", "b"], ["1", "2"]])
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 2)) { try CSVReader.parse("a\n\"b") }
        #expect(throws: CSVReader.Failure.empty) { try CSVReader.parse("\n\n") }
        #expect(throws: CSVReader.Failure.tooManyRows(max: 2)) { try CSVReader.parse("h\n1\n2\n3\n4", maxRows: 2) }
    }

    @Test func csvWriterDefusesFormulas() {
        #expect(CSVWriter.escape("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.escape("-5") == "-5")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("biasa") == "biasa")
    }

    @Test func importIsAllOrNothing() {
        let unit = UUID()
        let text = "platform,handle,display_name,kind,unit\ninstagram,satu,Satu,official,U\ninstagram,satu,Dua,official,U\nx,tiga,Tiga,official,Z\n"
        let outcome = AccountImport.read(text, findUnit: { $0 == "U" ? unit : nil }, findOwner: { _ in nil }, handleExists: { _, _ in false })
        #expect(outcome == .rejected(file: nil, rows: [
            .init(line: 3, field: "handle", issue: .duplicate),
            .init(line: 4, field: "unit", issue: .unknownUnit),
        ]))
        let good = AccountImport.read("platform,handle,display_name,kind,unit\ninstagram,satu,Satu,official,U", findUnit: { _ in unit }, findOwner: { _ in nil }, handleExists: { _, _ in false })
        guard case .ready(let drafts) = good else { Issue.record("expected ready"); return }
        #expect(drafts.count == 1)
    }

    @Test func indonesianFormats() {
        #expect(IndonesianFormat.number(1_234_567) == "1.234.567")
        #expect(IndonesianFormat.number(-1000) == "-1.000")
        #expect(IndonesianFormat.number(999) == "999")
        #expect(IndonesianFormat.percent(0.125) == "12,5%")
        #expect(IndonesianFormat.percent(0.5) == "50%")
        // 21 Nov 2026 07.05 UTC is 14.05 in Jakarta, 15.05 in Makassar.
        let date = Date(timeIntervalSince1970: 1_795_244_700)
        #expect(IndonesianFormat.dateTime(date, zone: TimeZone(identifier: "Asia/Jakarta")!) == "21 Nov 2026 14.05 WIB")
        #expect(IndonesianFormat.dateTime(date, zone: TimeZone(identifier: "Asia/Makassar")!) == "21 Nov 2026 15.05 WITA")
        #expect(IndonesianFormat.dateTime(date, zone: TimeZone(identifier: "Asia/Jayapura")!, english: true) == "21 Nov 2026 16:05 WIT")
    }
}

@Suite("Calendar days and snippets")
struct CalendarDayAndSnippetTests {
    @Test("only real days between 2000 and 2100 in YYYY-MM-DD pass")
    func days() {
        for day in ["2026-12-07", "2028-02-29", "2000-01-01"] { #expect(CalendarDay.isValid(day), "\(day)") }
        for day in ["2026-02-30", "2027-02-29", "2026-13-01", "1999-12-31", "2026-1-07", "07-12-2026", "", "2026-12-07x"] {
            #expect(!CalendarDay.isValid(day), "\(day)")
        }
    }

    @Test("a snippet keeps short texts and cuts long ones below the length, ending in an ellipsis")
    func snippets() {
        #expect(TextSnippet.of("Jalan berlubang") == "Jalan berlubang")
        let long = String(repeating: "a", count: 200)
        #expect(TextSnippet.of(long).count == 118 && TextSnippet.of(long).hasSuffix("…"))
        #expect(TextSnippet.of(long, length: 10) == "aaaaaaa…")
    }
}
