import Foundation
import SimpulCore
import Testing

@Suite("Message labels")
struct MessageTagTests {
    @Test("one spelling per label", arguments: [
        ("Jalan Rusak", "jalan-rusak"), ("  #jalan_rusak ", "jalan-rusak"), ("BANSOS-2026", "bansos-2026"),
        ("air  --  mati", "air-mati"), ("Café", "café"), ("ٱلْحَمْد", "ٱلْحَمْد"),
    ])
    func normalized(_ raw: String, _ expected: String) throws {
        #expect(try MessageTag.normalize(raw) == expected)
    }

    @Test("empty, overlong and odd labels are refused")
    func refused() {
        #expect(throws: MessageTag.Problem.empty) { try MessageTag.normalize("  # - ") }
        #expect(throws: MessageTag.Problem.tooLong) { try MessageTag.normalize(String(repeating: "a", count: MessageTag.maxLength + 1)) }
        #expect((try? MessageTag.normalize(String(repeating: "a", count: MessageTag.maxLength))) != nil)
        #expect(throws: MessageTag.Problem.invalidCharacters) { try MessageTag.normalize("jalan<rusak>") }
        #expect(throws: MessageTag.Problem.invalidCharacters) { try MessageTag.normalize("a/b") }
    }

    @Test("trimming white space keeps the inside, and Unicode white space counts")
    func trimming() {
        #expect("\u{3000} halo dunia \n\u{A0}".trimmingWhitespace == "halo dunia")
        #expect("halo".trimmingWhitespace == "halo")
        #expect("h".trimmingWhitespace == "h" && "".trimmingWhitespace == "" && "a b".trimmingWhitespace == "a b")
        #expect("halo\u{A0}".trimmingWhitespace == "halo" && "x\t".trimmingWhitespace == "x")
        #expect(" \t\n ".trimmingWhitespace == "")
    }
}

@Suite("Service level report")
struct ServiceLevelReportTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    @Test("medians, in-time share and overdue count")
    func figures() {
        let items: [ServiceLevelReport.Item] = [
            .init(received: at(-300), due: at(-240), firstResponse: at(-280), resolved: at(-200)),   // 20 min, in time, resolved after 100
            .init(received: at(-300), due: at(-240), firstResponse: at(-200), resolved: nil),       // 100 min, late
            .init(received: at(-100), due: at(-10), firstResponse: nil, resolved: nil),             // overdue
            .init(received: at(-100), due: at(60), firstResponse: nil, resolved: nil),              // still in time
            .init(received: at(-50), due: nil, firstResponse: at(-20), resolved: at(-10)),          // no due time: 30 min, resolved after 40
        ]
        let figures = ServiceLevelReport.figures(items, now: now)
        #expect(figures.messages == 5 && figures.answered == 3 && figures.withDueTime == 4 && figures.answeredInTime == 1)
        #expect(figures.overdue == 1 && figures.resolved == 2)
        #expect(abs((figures.medianFirstResponse ?? 0) - 30 * 60) < 0.001)
        #expect(abs((figures.medianResolution ?? 0) - 70 * 60) < 0.001)
        #expect(figures.inTimeShare == 0.25)
        let empty = ServiceLevelReport.figures([], now: now)
        #expect(empty.messages == 0 && empty.medianFirstResponse == nil && empty.inTimeShare == nil)
    }

    @Test("durations read as minutes, hours and days")
    func durations() {
        #expect(ServiceLevelReport.duration(45 * 60) == "45 mnt")
        #expect(ServiceLevelReport.duration(200 * 60) == "3 j 20 mnt")
        #expect(ServiceLevelReport.duration(3 * 3600) == "3 j")
        #expect(ServiceLevelReport.duration(52 * 3600) == "2 h 4 j")
        #expect(ServiceLevelReport.duration(52 * 3600, english: true) == "2 d 4 h")
    }
}

@Suite("WhatsApp templates")
struct WhatsAppTemplateTextTests {
    @Test("variables are counted, checked for order and filled in")
    func variables() throws {
        let body = "Halo {{1}}, laporan {{2}} sudah kami teruskan. Terima kasih, {{1}}."
        #expect(try WhatsAppTemplateText.parameterCount(body) == 2)
        #expect(try WhatsAppTemplateText.parameterCount("Tanpa variabel") == 0)
        #expect(WhatsAppTemplateText.render(body, parameters: ["Bu Sari", "#123"]) == "Halo Bu Sari, laporan #123 sudah kami teruskan. Terima kasih, Bu Sari.")
        #expect(WhatsAppTemplateText.render("{{ 1 }} dan {{3}} dan {{", parameters: ["a"]) == "a dan {{3}} dan {{")
        #expect(throws: WhatsAppTemplateText.Problem.variablesOutOfOrder) { try WhatsAppTemplateText.parameterCount("Halo {{2}}") }
        #expect(throws: WhatsAppTemplateText.Problem.emptyBody) { try WhatsAppTemplateText.parameterCount("  ") }
        #expect(throws: WhatsAppTemplateText.Problem.bodyTooLong) { try WhatsAppTemplateText.parameterCount(String(repeating: "a", count: 1_025)) }
    }

    @Test("parameters Meta would refuse are refused here")
    func parameters() throws {
        let body = "Halo {{1}}, nomor {{2}}"
        try WhatsAppTemplateText.validate(parameters: ["Sari", "12"], for: body)
        #expect(throws: WhatsAppTemplateText.Problem.wrongParameterCount(expected: 2)) { try WhatsAppTemplateText.validate(parameters: ["Sari"], for: body) }
        #expect(throws: WhatsAppTemplateText.Problem.badParameter(index: 2)) { try WhatsAppTemplateText.validate(parameters: ["Sari", " "], for: body) }
        #expect(throws: WhatsAppTemplateText.Problem.badParameter(index: 1)) { try WhatsAppTemplateText.validate(parameters: ["a\tb", "1"], for: body) }
        #expect(throws: WhatsAppTemplateText.Problem.badParameter(index: 1)) { try WhatsAppTemplateText.validate(parameters: ["a     b", "1"], for: body) }
    }

    @Test("names and language codes as WhatsApp Manager writes them")
    func namesAndLanguages() throws {
        try WhatsAppTemplateText.validateName("tindak_lanjut_laporan_2")
        try WhatsAppTemplateText.validateLanguage("id")
        try WhatsAppTemplateText.validateLanguage("en_US")
        for bad in ["Tindak", "tindak-lanjut", "", "ti ndak"] {
            #expect(throws: WhatsAppTemplateText.Problem.badName) { try WhatsAppTemplateText.validateName(bad) }
        }
        for bad in ["ID", "indonesia", "en_us", "en_", "e"] {
            #expect(throws: WhatsAppTemplateText.Problem.badLanguage) { try WhatsAppTemplateText.validateLanguage(bad) }
        }
    }
}
