import Foundation
import SimpulPlatforms
import Testing
import Vapor
import VaporTesting
@testable import SimpulServer

/// A link is built from the same case that registered its route: every case's link, sent
/// through a router holding what the server registered, comes back as that case with its values.
@Suite("Site routes")
struct SiteRouteTests {
    static let first = UUID()
    static let second = UUID()

    /// One value of every case, with values that would show a swapped or dropped parameter.
    static let samples: [SiteRoute] = {
        let a = first, b = second
        var all: [SiteRoute] = [
            .healthz, .readyz, .metrics, .stylesheet, .script,
            .webhookVerify(format: "meta", tenant: "pemkot-contoh"),
            .mediaFile(tenant: a, key: "a1b2c3.preview.jpg"),
            .loginForm, .login, .logout, .language(.en), .language(.id), .profile, .changePassword, .createToken, .revokeToken(a), .home,
            .units, .newUnit, .createUnit, .editUnit(a), .updateUnit(a), .deactivateUnit(a), .reactivateUnit(a),
            .apiUnits, .apiCreateUnit, .apiUnit(a), .apiUpdateUnit(a),
            .accounts, .accountsCSV, .newAccount, .createAccount, .importAccountsForm, .importAccounts,
            .account(a), .editAccount(a), .updateAccount(a), .deactivateAccount(a), .reactivateAccount(a),
            .connection(a), .saveConnection(a), .testConnection(a),
            .apiAccounts, .apiCreateAccount, .apiAccount(a), .apiUpdateAccount(a),
            .users, .newUser, .createUser, .user(a), .editUser(a), .updateUser(a), .addRole(a),
            .deactivateUser(a), .reactivateUser(a), .resetPassword(a), .removeRole(a, membership: b),
            .apiUsers, .apiCreateUser, .apiUser(a), .apiUpdateUser(a),
            .audit, .slaSettings, .updateSLA,
            .inbox, .inboxEvents, .apiInbox, .inboxBulk, .serviceReport,
            .thread(a), .addNote(a), .reply(a), .presence(a), .tag(a), .untag(a), .triage(a), .retryReply(a, reply: b),
            .routing, .createRoutingRule, .deleteRoutingRule(a),
            .savedReplies, .createSavedReply, .deleteSavedReply(a),
            .templates, .createTemplate, .deleteTemplate(a),
            .checker, .check, .findings, .findingsCSV, .finding(a), .reviewFinding(a),
            .rulePacks, .rulePack("asn-netralitas.v2"), .togglePack("paket dengan spasi/garis"),
            .newTenantPack, .createTenantPack, .editTenantPack(a), .updateTenantPack(a), .deleteTenantPack(a),
            .newElection, .createElection, .editElection(a), .updateElection(a), .deleteElection(a),
            .deleteAllowListEntry(a),
            .apiCheck, .apiFindings, .apiFinding(a), .apiReviewFinding(a),
            .content, .newContent, .createContent, .contentCalendar, .approvals, .failedContent,
            .contentItem(a), .updateContent(a), .submitContent(a), .planContent(a), .addVariant(a),
            .approveContent(a), .rejectContent(a), .scheduleContent(a), .unscheduleContent(a), .retryContent(a),
            .updateVariant(a, variant: b), .deleteVariant(a, variant: b),
            .contentSettings, .saveContentPolicy, .addPillar, .deleteContentPolicy(unit: a), .togglePillar(a),
            .mediaLibrary, .uploadMedia, .deleteMedia(a),
            .staffAccounts, .staffAccountsCSV, .saveAmplificationPolicy,
            .amplification, .myAmplification, .newAmplification, .createAmplification,
            .amplificationTask(a), .amplificationCSV(a), .amplificationProof(a),
            .notifications,
            .cases, .newCase, .createCase, .issueCase(a), .caseStatus(a), .caseInvolve(a), .caseNote(a), .caseAddTask(a), .caseHolding(a),
            .caseResponse(a), .caseRelease(a, unit: b), .caseTaskDone(a, task: b), .linkMessageToCase(a),
            .listening, .createListeningRule, .listeningRule(a), .toggleListeningRule(a),
            .listeningAlerts, .caseFromAlert(a), .caseFromAccountAlert(a), .createFeed, .toggleFeed(a),
            .listeningSearch, .saveSearchSettings, .saveRuleSearch(a), .toggleSearch(a),
            .alertSubscriptions, .saveAlertSubscription, .deleteAlertSubscription(a),
            .onCall, .saveOnCallSettings, .addOnCallPerson, .removeOnCallPerson(a),
            .hoaxes, .hoaxesCSV, .newHoax, .createHoax, .importHoaxesForm, .importHoaxes, .saveHoaxThresholds, .hoax(a), .updateHoax(a),
            .apiListeningRules, .apiCreateListeningRule, .apiListeningAlerts,
            .apiListeningRule(a), .apiUpdateListeningRule(a), .apiListeningHits(a), .apiListeningNews(a),
            .apiHoaxes, .apiCreateHoax, .apiHoaxMatches, .apiHoax(a), .apiUpdateHoax(a),
            .apiCases, .apiCreateCase, .apiCase(a), .apiUpdateCase(a), .apiCaseInvolve(a), .apiCaseLinkMessage(a),
        ]
        all += WebhookController.pushed.map { .webhookReceive($0, tenant: "pemkot-contoh") }
        return all
    }()

    @Test("every registered route has a sample here, and every sample is registered")
    func everyCaseCovered() async throws {
        try await withTestApp { app in
            let registered = app.routeCatalog.specs.map(\.name)
            let sampled = Set(Self.samples.map(\.spec.name))
            #expect(Set(registered) == sampled)
            #expect(registered.count == Set(registered).count)
        }
    }

    @Test("each case's link resolves, through the router the server built, to the same case and values")
    func roundTrip() async throws {
        try await withTestApp { app in
            let router = TrieRouter(String.self)
            for route in app.routes.all {
                let name = try #require(route.userInfo[RouteSpec.nameKey] as? String, "\(route.method) \(route.path)")
                router.register(name, at: [.constant(route.method.rawValue)] + route.path)
            }
            for sample in Self.samples {
                let spec = sample.spec
                let link = sample.path
                #expect(!link.contains("//") && link.hasPrefix("/"), "\(link)")
                var parameters = Parameters()
                let components = URI(path: link).path.split(separator: "/").map(String.init)
                let resolved = router.route(path: [spec.method.rawValue] + components, parameters: &parameters)
                #expect(resolved == spec.name, "\(spec.method) \(link)")
                for case .parameter(let name, let value) in sample.definition.segments {
                    #expect(parameters.get(name) == value, "\(spec.name): \(name)")
                }
            }
        }
    }

    @Test("a link names its parameters by value, in order, and keeps text parameters intact")
    func linkShape() {
        let a = Self.first, b = Self.second
        #expect(SiteRoute.removeRole(a, membership: b).path == "/users/\(a.uuidString)/roles/\(b.uuidString)/delete")
        #expect(SiteRoute.home.path == "/")
        #expect(SiteRoute.togglePack("paket dengan spasi/garis").path == "/compliance/packs/paket%20dengan%20spasi%2Fgaris/toggle")
        #expect(SiteRoute.webhookReceive(.whatsapp, tenant: "pemkot-contoh").spec.path == "/webhooks/whatsapp/:tenant")
        #expect(SiteRoute.languageSwitch(.en, next: "/inbox?state=open") == "/lang/en?next=%2Finbox%3Fstate%3Dopen")
    }
}
