import Foundation
import SimpulCore
import Testing

@Suite struct WeightedLengthTests {
    @Test func latinCountsOneAndOthersTwo() {
        #expect(WeightedLength.of("Halo warga") == 10)
        #expect(WeightedLength.of("") == 0)
        // CJK and Hangul weigh 2; the Latin range and general punctuation (— “ ”) weigh 1.
        #expect(WeightedLength.of("日本") == 4)
        #expect(WeightedLength.of("“Kota”—baru") == 11)
    }

    @Test func emojiSequencesWeighTwoInAll() {
        #expect(WeightedLength.of("😀") == 2)
        #expect(WeightedLength.of("👍🏽") == 2)
        #expect(WeightedLength.of("👨‍👩‍👧‍👦") == 2)
        #expect(WeightedLength.of("🇮🇩") == 2)
        #expect(WeightedLength.of("1️⃣") == 2)
        #expect(WeightedLength.of("❤️ Tirtamaya") == 12)
        // A plain digit is not an emoji even though Unicode lists it as one.
        #expect(WeightedLength.of("1") == 1)
    }

    @Test func combiningMarksAreComposedFirst() {
        // "é" written as e + U+0301 is one code point after composition.
        #expect(WeightedLength.of("Cafe\u{301}") == 4)
        #expect(WeightedLength.of("Café") == 4)
    }

    @Test func everyLinkWeighsTwentyThree() {
        #expect(WeightedLength.of("https://tirtamayakota.go.id/layanan/pajak-bumi-dan-bangunan-2026") == 23)
        #expect(WeightedLength.of("Info: tirtamayakota.go.id") == 6 + 23)
        #expect(WeightedLength.of("lihat (www.contoh.com).") == 6 + 1 + 23 + 2)
        #expect(WeightedLength.of("http://a.id http://b.id") == 23 + 1 + 23)
        // An e-mail address and a decimal number are not links.
        #expect(WeightedLength.of("humas@tirtamaya.go.id") == 21)
        #expect(WeightedLength.of("naik 2.5 persen") == 15)
    }

    @Test func exactlyAtTheLimitPassesAndOneMoreFails() {
        let atLimit = String(repeating: "a", count: 256) + " https://t.co/abc"
        #expect(WeightedLength.of(atLimit) == 280)
        #expect(PostValidator.problems(PostDraft(text: atLimit), for: .x).isEmpty)
        let over = "a" + atLimit
        #expect(PostValidator.problems(PostDraft(text: over), for: .x) == [.textTooLong(length: 281, max: 280, measure: .weighted)])
        let emoji = String(repeating: "🙏", count: 140)
        #expect(PostValidator.problems(PostDraft(text: emoji), for: .x).isEmpty)
        #expect(!PostValidator.problems(PostDraft(text: emoji + "a"), for: .x).isEmpty)
    }
}

@Suite struct PostValidatorTests {
    static let photo = MediaFacts(format: .jpeg, bytes: 900_000, width: 1080, height: 1350)
    static let video = MediaFacts(format: .mp4, bytes: 40_000_000, width: 1080, height: 1920, durationSeconds: 45)

    @Test func instagramNeedsMediaAndCountsHashtagsAndMentions() {
        #expect(PostValidator.problems(PostDraft(text: "Halo"), for: .instagram) == [.mediaRequired(.image)])
        let tags = (1...31).map { "tag\($0)" }
        let tooMany = PostDraft(text: "Festival", hashtags: tags, media: [Self.photo])
        #expect(PostValidator.problems(tooMany, for: .instagram) == [.tooManyHashtags(count: 31, max: 30)])
        #expect(PostValidator.problems(PostDraft(text: "Festival", hashtags: Array(tags.prefix(30)), media: [Self.photo]), for: .instagram).isEmpty)
        let mentions = (1...21).map { "@akun\($0)" }.joined(separator: " ")
        #expect(PostValidator.problems(PostDraft(text: mentions, media: [Self.photo]), for: .instagram) == [.tooManyMentions(count: 21, max: 20)])
    }

    @Test func instagramCaptionLimitIsInCodePointsWithHashtagsIncluded() {
        let body = String(repeating: "é", count: 2_190)
        // body + "\n\n" + "#tirta" = 2,198
        #expect(PostValidator.problems(PostDraft(text: body, hashtags: ["tirta"], media: [Self.photo]), for: .instagram).isEmpty)
        let problems = PostValidator.problems(PostDraft(text: body, hashtags: ["tirtamaya"], media: [Self.photo]), for: .instagram)
        #expect(problems == [.textTooLong(length: 2_202, max: 2_200, measure: .characters)])
    }

    @Test func instagramImageRules() {
        let png = MediaFacts(format: .png, bytes: 500_000, width: 1080, height: 1080)
        let wide = MediaFacts(format: .jpeg, bytes: 500_000, width: 2000, height: 1000)
        let big = MediaFacts(format: .jpeg, bytes: 9 * 1_048_576, width: 1080, height: 1080)
        let problems = PostValidator.problems(PostDraft(text: "x", media: [png, wide, big]), for: .instagram)
        #expect(problems == [.formatNotAccepted(index: 0, format: .png), .aspectOutOfRange(index: 1, ratio: 2, allowed: 0.8...1.91),
                             .mediaTooLarge(index: 2, bytes: 9 * 1_048_576, max: 8 * 1_048_576)])
        // A carousel may mix photos and videos, up to ten.
        #expect(PostValidator.problems(PostDraft(text: "x", media: [Self.photo, Self.video]), for: .instagram).isEmpty)
        #expect(PostValidator.problems(PostDraft(text: "x", media: Array(repeating: Self.photo, count: 11)), for: .instagram)
                == [.tooManyMedia(count: 11, max: 10)])
    }

    @Test func instagramDailyQuota() {
        let post = PostDraft(text: "x", media: [Self.photo])
        #expect(PostValidator.problems(post, for: .instagram, situation: .init(publishedInLastDay: 49)).isEmpty)
        #expect(PostValidator.problems(post, for: .instagram, situation: .init(publishedInLastDay: 50)) == [.dailyQuotaReached(used: 50, quota: 50)])
        #expect(PostValidator.problems(post, for: .instagram, situation: .init(publishedInLastDay: 50, dailyQuota: 100)).isEmpty)
    }

    @Test func xTakesFourImagesOrOneVideo() {
        let image = MediaFacts(format: .png, bytes: 1_000_000)
        #expect(PostValidator.problems(PostDraft(text: "", media: Array(repeating: image, count: 4)), for: .x).isEmpty)
        #expect(PostValidator.problems(PostDraft(text: "", media: [image, Self.video]), for: .x) == [.videoNotAlone])
        let long = MediaFacts(format: .mp4, bytes: 1_000_000, width: 1280, height: 720, durationSeconds: 141)
        #expect(PostValidator.problems(PostDraft(text: "a", media: [long]), for: .x) == [.durationOutOfRange(index: 0, seconds: 141, allowed: 0.5...140)])
        #expect(PostValidator.problems(PostDraft(text: "  "), for: .x) == [.empty])
    }

    @Test func youtubeNeedsVideoTitleAndNoAngleBrackets() {
        #expect(PostValidator.problems(PostDraft(text: "Deskripsi", media: [Self.photo]), for: .youtube)
                == [.titleRequired, .mediaRequired(.video), .formatNotAccepted(index: 0, format: .jpeg)])
        let title = String(repeating: "a", count: 101)
        #expect(PostValidator.problems(PostDraft(text: "a < b", title: title, media: [Self.video]), for: .youtube)
                == [.angleBrackets(field: "text"), .titleTooLong(length: 101, max: 100)])
        // The description limit is in bytes: 2,500 two-byte letters are 5,000 bytes.
        #expect(PostValidator.problems(PostDraft(text: String(repeating: "é", count: 2_500), title: "Judul", media: [Self.video]), for: .youtube).isEmpty)
        #expect(PostValidator.problems(PostDraft(text: String(repeating: "é", count: 2_501), title: "Judul", media: [Self.video]), for: .youtube)
                == [.textTooLong(length: 5_002, max: 5_000, measure: .bytes)])
    }

    @Test func tiktokNeedsVideoAndNoFirstComment() {
        #expect(PostValidator.problems(PostDraft(text: "Halo", firstComment: "komentar"), for: .tiktok)
                == [.mediaRequired(.video), .firstCommentUnsupported])
        #expect(PostValidator.problems(PostDraft(text: "Halo", media: [Self.video]), for: .tiktok).isEmpty)
    }

    @Test func whatsappOutsideTheWindowNeedsATemplate() {
        let post = PostDraft(text: "Info layanan")
        #expect(PostValidator.problems(post, for: .whatsapp) == [.templateRequired])
        #expect(PostValidator.problems(post, for: .whatsapp, situation: .init(usesTemplate: true)).isEmpty)
        #expect(PostValidator.problems(post, for: .whatsapp, situation: .init(whatsappWindowOpen: true)).isEmpty)
    }

    @Test func facebookCarriesTheLinkBesideTheText() {
        let post = PostDraft(text: "Baca selengkapnya", link: "https://tirtamayakota.go.id/berita/1", hashtags: ["#InfoKota"])
        #expect(post.caption(for: .facebook) == "Baca selengkapnya\n\n#InfoKota")
        #expect(post.caption(for: .x) == "Baca selengkapnya\n\nhttps://tirtamayakota.go.id/berita/1\n\n#InfoKota")
        #expect(PostValidator.problems(PostDraft(text: "", link: "https://tirtamayakota.go.id"), for: .facebook).isEmpty)
    }

    @Test func messagesAreIndonesianFirst() {
        let problem = PostProblem.textTooLong(length: 2_301, max: 2_200, measure: .characters)
        #expect(problem.message(platform: .instagram) == "Teks terlalu panjang untuk Instagram: 2.301 dari maks. 2.200 karakter.")
        #expect(problem.message(english: true, platform: .instagram) == "Text too long for Instagram: 2301 of at most 2200 characters.")
        #expect(PostProblem.aspectOutOfRange(index: 0, ratio: 2, allowed: 0.8...1.91).message(platform: .instagram)
                == "Rasio media ke-1 (2,00:1) di luar batas Instagram: 0,80:1 sampai 1,91:1.")
        #expect(PostProblem.mediaTooLarge(index: 1, bytes: 9 * 1_048_576, max: 8 * 1_048_576).field == "media")
    }
}
