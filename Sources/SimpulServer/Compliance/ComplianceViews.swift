import Foundation
import Plot
import SimpulCore

/// Pieces every compliance page shares: the tab strip, severity and status labels, and a text
/// with its findings marked in place.
enum ComplianceViews {
    static func tabs(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let scope = ctx.principal?.scope else { return .empty }
        let l = ctx.l
        let tabs: [(String, String, Permission)] = [
            (SiteRoute.findings.path, l.t("Temuan", "Findings"), .viewFindings),
            (SiteRoute.checker.path, l.t("Pemeriksa teks", "Text checker"), .checkCompliance),
            (SiteRoute.rulePacks.path, l.t("Paket aturan", "Rule packs"), .viewRulePacks),
        ]
        return .nav(.class("tabs"), .ariaLabel(l.t("Kepatuhan", "Compliance")),
            .forEach(tabs.filter { scope.allowsSomewhere($0.2) }) { tab in
                .a(.href(tab.0), .text(tab.1), .if(ctx.path.hasPrefix(tab.0), .attribute(named: "aria-current", value: "page")))
            })
    }

    static func severity<C: HTML.BodyContext>(_ severity: Severity, _ l: L10n) -> Node<C> {
        switch severity {
        case .info: UI.badge(l.t("Info", "Info"), tone: .muted)
        case .warning: UI.badge(l.t("Peringatan", "Warning"), tone: .warn)
        case .block: UI.badge(l.t("Blokir", "Block"), tone: .danger)
        }
    }

    static func statusLabel(_ status: FindingStatus, _ l: L10n) -> String {
        switch status {
        case .open: l.t("Belum ditinjau", "Open")
        case .confirmed: l.t("Dikonfirmasi", "Confirmed")
        case .falsePositive: l.t("Bukan pelanggaran", "False positive")
        case .escalated: l.t("Dieskalasi", "Escalated")
        }
    }

    static func status<C: HTML.BodyContext>(_ status: FindingStatus, _ l: L10n) -> Node<C> {
        let tone: UI.Tone = switch status {
        case .open: .warn
        case .confirmed: .danger
        case .falsePositive: .muted
        case .escalated: .danger
        }
        return UI.badge(statusLabel(status, l), tone: tone)
    }

    /// The text with each finding's spans marked; a mark names its findings by number, and the
    /// numbers match the list of findings below it.
    static func highlighted(_ text: String, spans: [(span: TextSpan, severity: Severity, number: Int)]) -> Node<HTML.BodyContext> {
        let scalars = Array(text.unicodeScalars)
        var cuts = Set([0, scalars.count])
        for item in spans where item.span.start >= 0 && item.span.end <= scalars.count && item.span.start < item.span.end {
            cuts.insert(item.span.start)
            cuts.insert(item.span.end)
        }
        let points = cuts.sorted()
        var nodes: [Node<HTML.BodyContext>] = []
        for (start, end) in zip(points, points.dropFirst()) where start < end {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            let covering = spans.filter { $0.span.start <= start && end <= $0.span.end }
            if covering.isEmpty {
                nodes.append(.text(String(piece)))
            } else {
                let worst = covering.map(\.severity).max() ?? .info
                let numbers = Set(covering.map(\.number)).sorted().map(String.init).joined(separator: ",")
                nodes.append(.element(named: "mark", nodes: [
                    .class("finding finding-\(worst.rawValue)"), .attribute(named: "title", value: "#" + numbers), .text(String(piece)),
                    .element(named: "sup", nodes: [.text(numbers)]),
                ]))
            }
        }
        return .div(.class("checked-text"), .group(nodes))
    }

    static func spans(of findings: [Finding]) -> [(span: TextSpan, severity: Severity, number: Int)] {
        findings.enumerated().flatMap { index, finding in finding.spans.map { (span: $0, severity: finding.severity, number: index + 1) } }
    }

    /// The numbered list of findings with their explanations.
    static func findingList(_ findings: [Finding], _ l: L10n) -> Node<HTML.BodyContext> {
        .ol(.class("findings"), .forEach(findings) { finding in
            .li(
                .p(severity(finding.severity, l), .text(" "), .strong(.text(finding.ruleTitle)), .text(" · "),
                   .span(.class("muted"), .text(finding.packName))),
                .p(.text(finding.explanation)),
                .p(.class("hint"), .text(l.t("Kode aturan: ", "Rule: ")), .code(.text(finding.ruleID)),
                   .text(l.t(" · kata yang cocok: ", " · matched: ")), .code(.text(finding.matched)))
            )
        })
    }

    static func plainLanguage(_ report: PlainLanguageReport, _ l: L10n) -> Node<HTML.BodyContext> {
        let tone: UI.Tone = switch report.level {
        case .simple: .ok
        case .fair: .warn
        case .hard: .danger
        }
        let level = switch report.level {
        case .simple: l.t("Sederhana", "Simple")
        case .fair: l.t("Cukup", "Fair")
        case .hard: l.t("Sulit", "Hard")
        }
        return .section(.class("plain-language"),
            .h2(.text(l.t("Kesederhanaan bahasa", "Plain language"))),
            .p(.strong(.text("\(report.score)/100 ")), UI.badge(level, tone: tone),
               .text(l.t(" · \(report.sentences) kalimat, \(report.words) kata", " · \(report.sentences) sentences, \(report.words) words"))),
            report.reasons.isEmpty
                ? .p(.text(l.t("Tidak ada catatan: kalimat pendek, kata sederhana.", "No remarks: short sentences, plain words.")))
                : .ul(.forEach(report.reasons) { .li(.text($0.message)) })
        )
    }
}
