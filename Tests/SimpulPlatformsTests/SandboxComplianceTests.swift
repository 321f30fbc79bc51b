import SimpulCore
import Testing
@testable import SimpulPlatforms

/// The Sandbox's rule-breaking texts exist so the demo's compliance guard has work; each must
/// actually trip the demo city's packs.
@Suite struct SandboxComplianceTests {
    static let engine = ComplianceEngine(packs: RulePack.builtIn + [RulePack.skb5(contests: [DemoCompliance.election], on: "2026-11-21")!])

    @Test func everySlipIsCaught() {
        for (text, _) in SandboxCorpus.staffMissteps + SandboxCorpus.residentViolations {
            #expect(Self.engine.check(text).contains { $0.severity >= .warning }, "\(text)")
        }
    }

    @Test func everydayStaffPostsAreNot() {
        for text in SandboxCorpus.staffPromo {
            #expect(Self.engine.check(text).isEmpty, "\(text)")
        }
    }
}
