/// What a staff account did to someone else's content or account, as the platforms report it.
public enum StaffActivityKind: String, Codable, CaseIterable, Sendable {
    case reaction
    case share
    case comment
    case follow

    /// The verb as the findings say it: "Staf menyukai …".
    public var verb: String {
        switch self {
        case .reaction: "menyukai"
        case .share: "membagikan"
        case .comment: "mengomentari"
        case .follow: "mengikuti"
        }
    }

    var passiveVerb: String {
        switch self {
        case .reaction: "disukai"
        case .share: "dibagikan"
        case .comment: "dikomentari"
        case .follow: "diikuti"
        }
    }
}

/// Findings for staff activity. A like, share or comment is not judged by its own words (it may
/// have none) but by what it endorses: content that has findings of its own (SKB 11 butir 3–4:
/// spreading or showing agreement), or a candidate's account during an election (SKB 5).
public enum StaffActivity {
    public static func assess(_ kind: StaffActivityKind, targetFindings: [Finding], targetAccount: String?,
                              candidateAccounts: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        var byPack: [String: Finding] = [:]
        for finding in targetFindings where finding.severity >= .warning {
            if let existing = byPack[finding.packID], existing.severity >= finding.severity { continue }
            byPack[finding.packID] = finding
        }
        for (packID, target) in byPack.sorted(by: { $0.key < $1.key }) {
            findings.append(Finding(
                packID: packID, packName: target.packName, ruleID: packID + ".aktivitas",
                ruleTitle: "Staf \(kind.verb) konten yang melanggar",
                severity: target.severity,
                explanation: explanation(kind, packID: packID, target: target),
                spans: target.spans, matched: target.matched))
        }
        if let account = targetAccount.map(normalizedHandle), candidateAccounts.contains(account) {
            findings.append(Finding(
                packID: "skb5", packName: "SKB 5 Instansi — netralitas ASN", ruleID: "skb5.akun-kandidat",
                ruleTitle: "Staf \(kind.verb) akun calon",
                severity: .block,
                explanation: "Akun staf \(kind.verb) akun calon @\(account). ASN dilarang mengikuti, menyukai, membagikan atau mengomentari akun dan konten calon di media sosial (\(RulePack.skb5Citation)).",
                spans: [], matched: "@" + account))
        }
        return findings
    }

    static func normalizedHandle(_ handle: String) -> String {
        TextAnalyzer.fold(handle.trimmingCharacters(in: .whitespaces)).trimmingCharacters(in: ["@"])
    }

    private static func explanation(_ kind: StaffActivityKind, packID: String, target: Finding) -> String {
        let what = "Konten yang \(kind.passiveVerb) memuat: \(target.ruleTitle.lowercased())."
        switch packID {
        case "skb11":
            return "\(what) ASN dilarang menyebarluaskan (share, repost, retweet) atau memberi tanda suka dan komentar yang menunjukkan persetujuan terhadap konten semacam itu (\(RulePack.skb11Citation), butir 3 dan 4)."
        case "skb5":
            return "\(what) ASN dilarang menyukai, membagikan atau mengomentari konten kampanye calon (\(RulePack.skb5Citation))."
        case "se137":
            return "\(what) ASN tidak boleh ikut menyebarkan informasi semacam itu (\(RulePack.se137Citation))."
        default:
            return "\(what) \(target.explanation)"
        }
    }
}

/// The rule for submitting a draft: a `block` finding stops it unless an approver overrides it
/// with a written reason.
public enum SubmissionGate {
    public static let minimumReasonLength = 15

    public enum Decision: Equatable, Sendable {
        case clear
        case blocked([Finding])
        case overridden([Finding], reason: String)
    }

    public enum Problem: Error, Equatable, Sendable {
        case reasonTooShort
        case notAllowedToOverride

        public var message: String {
            switch self {
            case .reasonTooShort: "Tulis alasan pengecualian minimal \(SubmissionGate.minimumReasonLength) karakter."
            case .notAllowedToOverride: "Hanya penyetuju yang dapat mengajukan draf dengan temuan tingkat blokir."
            }
        }
    }

    public static func decide(findings: [Finding], overrideReason: String?, mayOverride: Bool) throws(Problem) -> Decision {
        let blocking = findings.filter { $0.severity == .block }
        guard !blocking.isEmpty else { return .clear }
        guard let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            return .blocked(blocking)
        }
        guard mayOverride else { throw .notAllowedToOverride }
        guard reason.count >= minimumReasonLength else { throw .reasonTooShort }
        return .overridden(blocking, reason: reason)
    }
}
