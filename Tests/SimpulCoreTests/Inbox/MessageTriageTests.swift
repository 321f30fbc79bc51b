import Foundation
import SimpulCore
import Testing

@Suite struct MessageTriageTests {
    static let triage = MessageTriage()

    @Test func feelingFollowsWordsNegationIntensifiersAndEmoji() {
        #expect(Self.triage.assess("Mantaaap pelayanannya, makasih min 🙏👍").sentiment == .positive)
        #expect(Self.triage.assess("pelayanan lelet bgt, kecewa 😡").sentiment == .negative)
        #expect(Self.triage.assess("pelayanannya gak bagus").sentiment == .negative)
        #expect(Self.triage.assess("jalannya udh gak rusak lagi").sentiment != .negative)
        #expect(Self.triage.assess("bukan main bagusnya taman kota sekarang").sentiment == .positive)
        #expect(Self.triage.assess("Min, syarat bikin KTP apa aja ya?").sentiment == .neutral)
        #expect(Self.triage.assess("").sentiment == .neutral)
    }

    @Test func priorityFollowsDangerAndLastingFailure() {
        let fire = Self.triage.assess("TOLONG kebakaran di gang 3 RT 02 Sukamaju, api membesar!!")
        #expect(fire.priority == .urgent && fire.cues.contains("kebakaran"))
        #expect(Self.triage.assess("banjir udh masuk rumah warga, air naik terus").priority == .urgent)
        let water = Self.triage.assess("air PDAM mati udah 3 hari, gimana ini")
        #expect(water.priority == .high && water.sentiment == .negative)
        #expect(Self.triage.assess("ada yang minta uang rokok di loket kelurahan").priority == .high)
        #expect(Self.triage.assess("Terima kasih Dinas PU, jalannya sudah mulus").priority == .low)
        #expect(Self.triage.assess("Min, jadwal posyandu bulan ini kapan?").priority == .normal)
        #expect(Self.triage.assess("👍👍").priority == .low)
    }
}

@Suite struct SavedReplyTemplateTests {
    @Test func variablesAreFilledAndUnknownOnesReported() {
        let text = "Terima kasih {Nama}, laporan diteruskan ke {unit}. {salam}"
        #expect(SavedReplyTemplate.render(text, values: ["nama": "Bu Sari", "unit": "Dinas PU"]) == "Terima kasih Bu Sari, laporan diteruskan ke Dinas PU. {salam}")
        #expect(SavedReplyTemplate.unknownVariables(in: text) == ["salam"])
        #expect(SavedReplyTemplate.render("tanpa variabel {", values: [:]) == "tanpa variabel {")
        #expect(SavedReplyTemplate.render("", values: ["nama": "x"]) == "")
    }
}
