import SimpulCore
import Testing

@Suite struct HoaxLabelTests {
    @Test func labelsReadTheirBracketsAndSynonyms() {
        #expect(HoaxLabel(parsing: "[HOAKS]") == .hoaks)
        #expect(HoaxLabel(parsing: " disinformasi ") == .disinformasi)
        #expect(HoaxLabel(parsing: "[MISINFORMASI]") == .misinformasi)
        #expect(HoaxLabel(parsing: "[Fakta]") == .fakta)
        #expect(HoaxLabel(parsing: "[KLARIFIKASI]") == .klarifikasi)
        #expect(HoaxLabel(parsing: "[HOAX]") == .hoaks)
        #expect(HoaxLabel(parsing: "[SALAH]") == .hoaks)
        #expect(HoaxLabel(parsing: "[BENAR]") == .fakta)
        #expect(HoaxLabel(parsing: "[BELUM TERBUKTI]") == nil)
        #expect(HoaxLabel(parsing: "") == nil)
    }

    @Test func displayLabelsRoundTrip() {
        #expect(HoaxLabel.hoaks.displayLabel == "[HOAKS]")
        for label in HoaxLabel.allCases { #expect(HoaxLabel(parsing: label.displayLabel) == label) }
        #expect(HoaxLabel.hoaks.isFalse && !HoaxLabel.fakta.isFalse && !HoaxLabel.klarifikasi.isFalse)
    }

    @Test func typesReadRawValuesEnglishAndIndonesian() {
        #expect(HoaxType(parsing: "false_context") == .falseContext)
        #expect(HoaxType(parsing: "False Connection") == .falseConnection)
        #expect(HoaxType(parsing: "imposter content") == .impostor)
        #expect(HoaxType(parsing: "Konten Palsu") == .fabricated)
        #expect(HoaxType(parsing: "satire or parody") == .satire)
        #expect(HoaxType(parsing: "manipulated-content") == .manipulated)
        #expect(HoaxType(parsing: "menyesatkan") == .misleading)
        #expect(HoaxType(parsing: "hoaks") == nil)
        #expect(HoaxType.allCases.count == 7)
        for type in HoaxType.allCases {
            #expect(HoaxType(parsing: type.rawValue) == type)
            #expect(HoaxType(parsing: type.indonesianLabel) == type)
        }
    }
}
