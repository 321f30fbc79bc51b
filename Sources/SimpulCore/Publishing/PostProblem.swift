import Foundation

/// Why a variant cannot go to its platform as it stands, on the field to fix.
public enum PostProblem: Equatable, Sendable {
    case empty
    case textTooLong(length: Int, max: Int, measure: PlatformRules.TextMeasure)
    case titleRequired
    case titleTooLong(length: Int, max: Int)
    case angleBrackets(field: String)
    case tooManyHashtags(count: Int, max: Int)
    case tooManyMentions(count: Int, max: Int)
    case mediaRequired(MediaKind)
    case tooManyMedia(count: Int, max: Int)
    case videoNotAlone
    case formatNotAccepted(index: Int, format: MediaFacts.Format)
    case mediaTooLarge(index: Int, bytes: Int, max: Int)
    case aspectOutOfRange(index: Int, ratio: Double, allowed: ClosedRange<Double>)
    case durationOutOfRange(index: Int, seconds: Double, allowed: ClosedRange<Double>)
    case firstCommentUnsupported
    case firstCommentTooLong(length: Int, max: Int)
    case templateRequired
    case dailyQuotaReached(used: Int, quota: Int)
    /// Simpul's own limit, not the platform's: media it cannot send there yet.
    case mediaNotPublishable

    /// The variant field the problem is shown on.
    public var field: String {
        switch self {
        case .empty, .textTooLong, .tooManyHashtags, .tooManyMentions: "text"
        case .titleRequired, .titleTooLong: "title"
        case .angleBrackets(let field): field
        case .mediaRequired, .tooManyMedia, .videoNotAlone, .formatNotAccepted, .mediaTooLarge, .aspectOutOfRange, .durationOutOfRange,
             .mediaNotPublishable: "media"
        case .firstCommentUnsupported, .firstCommentTooLong: "first_comment"
        case .templateRequired: "template"
        case .dailyQuotaReached: "schedule"
        }
    }

    /// The problem in plain words, Indonesian first.
    public func message(english: Bool = false, platform: Platform) -> String {
        let name = platform.displayName
        func t(_ id: String, _ en: String) -> String { english ? en : id }
        func n(_ value: Int) -> String { english ? String(value) : IndonesianFormat.number(value) }
        func mb(_ bytes: Int) -> String { n(Int((Double(bytes) / 1_048_576).rounded(.up))) + " MB" }
        func ratio(_ value: Double) -> String { english ? String(format: "%.2f", value) : String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",") }
        switch self {
        case .empty:
            return t("Isi teks, tautan, atau media untuk \(name).", "Add text, a link or media for \(name).")
        case .textTooLong(let length, let max, let measure):
            let unit = switch measure {
            case .weighted: t("(hitungan \(name): tautan 23, emoji dan huruf non-Latin 2)", "(\(name)'s count: links 23, emoji and non-Latin letters 2)")
            case .characters: t("karakter", "characters")
            case .bytes: t("bita", "bytes")
            }
            return t("Teks terlalu panjang untuk \(name): \(n(length)) dari maks. \(n(max)) \(unit).",
                     "Text too long for \(name): \(n(length)) of at most \(n(max)) \(unit).")
        case .titleRequired:
            return t("Judul video \(name) belum diisi.", "The \(name) video title is missing.")
        case .titleTooLong(let length, let max):
            return t("Judul terlalu panjang: \(n(length)) dari maks. \(n(max)) karakter.", "Title too long: \(n(length)) of at most \(n(max)) characters.")
        case .angleBrackets:
            return t("\(name) tidak menerima tanda < atau >.", "\(name) does not accept < or >.")
        case .tooManyHashtags(let count, let max):
            return t("Terlalu banyak tagar: \(n(count)); \(name) menerima paling banyak \(n(max)).", "Too many hashtags: \(n(count)); \(name) takes at most \(n(max)).")
        case .tooManyMentions(let count, let max):
            return t("Terlalu banyak sebutan @: \(n(count)); \(name) menerima paling banyak \(n(max)).", "Too many @mentions: \(n(count)); \(name) takes at most \(n(max)).")
        case .mediaRequired(let kind):
            return kind == .video ? t("\(name) memerlukan video.", "\(name) needs a video.")
                : t("\(name) memerlukan gambar atau video.", "\(name) needs an image or a video.")
        case .tooManyMedia(let count, let max):
            return t("Terlalu banyak media: \(n(count)); \(name) menerima paling banyak \(n(max)).", "Too many media files: \(n(count)); \(name) takes at most \(n(max)).")
        case .videoNotAlone:
            return t("\(name) menerima satu video atau GIF saja, tanpa gambar lain.", "\(name) takes one video or GIF alone, without other images.")
        case .formatNotAccepted(let index, let format):
            return t("Media ke-\(index + 1) (\(format.rawValue.uppercased())) tidak diterima \(name).", "Media \(index + 1) (\(format.rawValue.uppercased())) is not accepted by \(name).")
        case .mediaTooLarge(let index, let bytes, let max):
            return t("Media ke-\(index + 1) terlalu besar: \(mb(bytes)); \(name) menerima paling besar \(mb(max)).",
                     "Media \(index + 1) is too large: \(mb(bytes)); \(name) takes at most \(mb(max)).")
        case .aspectOutOfRange(let index, let value, let allowed):
            return t("Rasio media ke-\(index + 1) (\(ratio(value)):1) di luar batas \(name): \(ratio(allowed.lowerBound)):1 sampai \(ratio(allowed.upperBound)):1.",
                     "Media \(index + 1) has aspect \(ratio(value)):1, outside \(name)'s \(ratio(allowed.lowerBound)):1 to \(ratio(allowed.upperBound)):1.")
        case .durationOutOfRange(let index, let seconds, let allowed):
            return t("Durasi video ke-\(index + 1) (\(n(Int(seconds.rounded()))) detik) di luar batas \(name): \(n(Int(allowed.lowerBound))) sampai \(n(Int(allowed.upperBound))) detik.",
                     "Video \(index + 1) runs \(n(Int(seconds.rounded()))) s, outside \(name)'s \(n(Int(allowed.lowerBound)))–\(n(Int(allowed.upperBound))) s.")
        case .firstCommentUnsupported:
            return t("\(name) tidak mendukung komentar pertama.", "\(name) does not support a first comment.")
        case .firstCommentTooLong(let length, let max):
            return t("Komentar pertama terlalu panjang: \(n(length)) dari maks. \(n(max)).", "First comment too long: \(n(length)) of at most \(n(max)).")
        case .templateRequired:
            return t("Di luar jendela 24 jam WhatsApp hanya templat yang disetujui yang dapat dikirim.",
                     "Outside WhatsApp's 24-hour window only an approved template may be sent.")
        case .mediaNotPublishable:
            return t("Simpul belum dapat menerbitkan GIF bergerak ke \(name); gambar dan video dapat. Lepaskan GIF-nya, atau terbitkan lewat akun Facebook.",
                     "Simpul cannot publish animated GIFs to \(name) yet; images and videos it can. Remove the GIF, or publish it through a Facebook account.")
        case .dailyQuotaReached(let used, let quota):
            return t("Kuota terbit \(name) lewat API habis: \(n(used)) dari \(n(quota)) unggahan dalam 24 jam.",
                     "\(name)'s API publishing quota is used up: \(n(used)) of \(n(quota)) posts in 24 hours.")
        }
    }
}
