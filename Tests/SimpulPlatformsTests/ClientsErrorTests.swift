import Foundation
import SimpulCore
import Testing
@testable import SimpulPlatforms

@Suite struct ClientErrorClassifierTests {
    typealias K = ClientsKit

    func meta(_ status: Int, _ error: String, headers: [(String, String)] = []) -> PlatformError? {
        ErrorClassifier.meta(K.response(status, #"{"error":\#(error)}"#, headers: headers), now: K.now)
    }

    @Test(arguments: [4, 17, 32, 613, 80001, 80014])
    func metaThrottleCodesAreRateLimits(code: Int) {
        let error = meta(400, #"{"message":"(#\#(code)) Application request limit reached","type":"OAuthException","code":\#(code),"is_transient":true,"fbtrace_id":"F1"}"#)
        #expect(error == .rateLimited(until: nil, detail: "Meta error (code \(code), OAuthException, fbtrace F1): (#\(code)) Application request limit reached"))
    }

    @Test func metaBusinessUseCaseHeaderGivesUntil() {
        let header = #"{"104857600":[{"type":"pages","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":19}]}"#
        let error = meta(400, #"{"message":"limit","type":"OAuthException","code":80001,"fbtrace_id":"F"}"#,
                         headers: [("X-Business-Use-Case-Usage", header)])
        #expect(error == .rateLimited(until: K.now.addingTimeInterval(19 * 60), detail: "Meta error (code 80001, OAuthException, fbtrace F): limit"))
    }

    @Test func metaRetryAfterSecondsIsUsedWithoutUsageHeader() {
        let error = meta(429, #"{"message":"slow down","code":613}"#, headers: [("Retry-After", "120")])
        #expect(error == .rateLimited(until: K.now.addingTimeInterval(120), detail: "Meta error (code 613): slow down"))
    }

    @Test(arguments: [(190, 463), (190, 467), (102, 0), (190, 0)])
    func metaAuthCodes(code: Int, subcode: Int) {
        let sub = subcode == 0 ? "" : #","error_subcode":\#(subcode)"#
        let error = meta(400, #"{"message":"Error validating access token","type":"OAuthException","code":\#(code)\#(sub),"fbtrace_id":"F"}"#)
        #expect(ClientsKit.isAuthInvalid(error))
    }

    @Test func metaTransientFlagAndCodes() {
        #expect(meta(400, #"{"message":"Please retry","type":"OAuthException","code":100,"is_transient":true}"#)
            == .transient(status: 400, detail: "Meta error (code 100, OAuthException): Please retry"))
        #expect(meta(500, #"{"message":"An unknown error occurred","code":1}"#) == .transient(status: 500, detail: "Meta error (code 1): An unknown error occurred"))
        #expect(meta(503, #"{"message":"Service temporarily unavailable","code":2}"#) == .transient(status: 503, detail: "Meta error (code 2): Service temporarily unavailable"))
    }

    @Test func meta5xxWithoutBodyIsTransient() {
        let error = ErrorClassifier.meta(HTTPResponseSpec(status: 502, body: Data("<html>Bad Gateway</html>".utf8)), now: K.now)
        #expect(error == .transient(status: 502, detail: "Meta HTTP 502: <html>Bad Gateway</html>"))
        #expect(ErrorClassifier.meta(HTTPResponseSpec(status: 500), now: K.now) == .transient(status: 500, detail: "Meta HTTP 500"))
    }

    @Test func metaPermissionAndBadRequestAreRejected() {
        #expect(meta(403, #"{"message":"(#200) Permissions error","type":"OAuthException","code":200}"#)
            == .rejected(status: 403, code: "200", detail: "Meta error (code 200, OAuthException): (#200) Permissions error"))
        #expect(meta(400, #"{"message":"Unsupported post request","type":"GraphMethodException","code":100,"error_subcode":33}"#)
            == .rejected(status: 400, code: "100", detail: "Meta error (code 100, subcode 33, GraphMethodException): Unsupported post request"))
    }

    @Test func metaSuccessIsNil() {
        #expect(ErrorClassifier.meta(K.response(#"{"id":"1"}"#), now: K.now) == nil)
        #expect(ErrorClassifier.meta(HTTPResponseSpec(status: 204), now: K.now) == nil)
        // A 200 that carries an error object is still an error.
        #expect(ErrorClassifier.meta(K.response(200, #"{"error":{"message":"x","code":190}}"#), now: K.now) == .authInvalid(detail: "Meta error (code 190): x"))
    }

    @Test func x429UsesResetHeader() {
        let response = K.response(429, #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#,
                                  headers: [("x-rate-limit-limit", "450"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "1717244100")])
        #expect(ErrorClassifier.x(response, now: K.now) == .rateLimited(until: Date(timeIntervalSince1970: 1_717_244_100), detail: "X HTTP 429: Too Many Requests"))
    }

    @Test func x429WithDailyLimitUsedUpWaitsForTheDailyReset() {
        let response = K.response(429, #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#,
                                  headers: [("x-rate-limit-remaining", "40"), ("x-rate-limit-reset", "1717244100"),
                                            ("x-user-limit-24hour-remaining", "0"), ("x-user-limit-24hour-reset", "1717300000")])
        #expect(ErrorClassifier.x(response, now: K.now) == .rateLimited(until: Date(timeIntervalSince1970: 1_717_300_000), detail: "X HTTP 429: Too Many Requests"))
    }

    @Test func x429WithRetryAfterOnly() {
        let response = HTTPResponseSpec(status: 429, headers: [("Retry-After", "30")])
        #expect(ErrorClassifier.x(response, now: K.now) == .rateLimited(until: K.now.addingTimeInterval(30), detail: "X HTTP 429"))
    }

    @Test func x401BothShapesAreAuthInvalid() {
        let problem = K.response(401, #"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#)
        #expect(ErrorClassifier.x(problem, now: K.now) == .authInvalid(detail: "X HTTP 401: Unauthorized"))
        let legacy = K.response(401, #"{"errors":[{"code":89,"message":"Invalid or expired token."}]}"#)
        #expect(ErrorClassifier.x(legacy, now: K.now) == .authInvalid(detail: "X HTTP 401: Invalid or expired token. (code 89)"))
        let legacyCodeOnly = K.response(400, #"{"errors":[{"code":215,"message":"Bad Authentication data."}]}"#)
        #expect(ClientsKit.isAuthInvalid(ErrorClassifier.x(legacyCodeOnly, now: K.now)))
    }

    @Test func xLegacyCode88IsRateLimitWhateverTheStatus() {
        let response = K.response(420, #"{"errors":[{"code":88,"message":"Rate limit exceeded"}]}"#, headers: [("x-rate-limit-reset", "1717243500")])
        #expect(ErrorClassifier.x(response, now: K.now) == .rateLimited(until: Date(timeIntervalSince1970: 1_717_243_500), detail: "X HTTP 420: Rate limit exceeded (code 88)"))
    }

    @Test func xProblemWithErrorsArrayIsRejectedWithProblemType() {
        let response = K.response(400, #"""
            {"errors":[{"parameters":{"since_id":["abc"]},"message":"The `since_id` query parameter value [abc] is not valid"}],
             "title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}
            """#)
        #expect(ErrorClassifier.x(response, now: K.now) == .rejected(status: 400, code: "invalid-request",
            detail: "X HTTP 400: Invalid Request; One or more parameters to your request was invalid.; The `since_id` query parameter value [abc] is not valid"))
        let duplicate = K.response(403, #"{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}"#)
        #expect(ErrorClassifier.x(duplicate, now: K.now) == .rejected(status: 403, code: nil,
            detail: "X HTTP 403: Forbidden; You are not allowed to create a Tweet with duplicate content."))
    }

    @Test func xServerErrorsAreTransientAndSuccessIsNil() {
        #expect(ErrorClassifier.x(K.response(503, #"{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}"#), now: K.now)
            == .transient(status: 503, detail: "X HTTP 503: Service Unavailable"))
        #expect(ErrorClassifier.x(HTTPResponseSpec(status: 500), now: K.now) == .transient(status: 500, detail: "X HTTP 500"))
        #expect(ErrorClassifier.x(K.response(200, #"{"data":[],"errors":[{"title":"Not Found Error"}]}"#), now: K.now) == nil)
    }

    @Test func youtubeQuotaExceededEndsAtPacificMidnight() throws {
        let response = K.response(403, #"""
            {"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.",
             "errors":[{"message":"The request cannot be completed because you have exceeded your quota.","domain":"youtube.quota","reason":"quotaExceeded"}],
             "status":"PERMISSION_DENIED"}}
            """#)
        let error = ErrorClassifier.youtube(response, now: K.now)
        let expectedUntil: Date? = TimeZone(identifier: "America/Los_Angeles") == nil ? nil : Date(timeIntervalSince1970: 1_717_311_600) // 2024-06-02T00:00-07:00
        #expect(error == .rateLimited(until: expectedUntil,
            detail: "YouTube HTTP 403 (quotaExceeded, PERMISSION_DENIED): The request cannot be completed because you have exceeded your quota."))
    }

    @Test func youtubeOtherErrors() {
        let rate = K.response(403, #"{"error":{"code":403,"message":"Rate","errors":[{"domain":"youtube.quota","reason":"rateLimitExceeded"}]}}"#)
        #expect(ErrorClassifier.youtube(rate, now: K.now) == .rateLimited(until: nil, detail: "YouTube HTTP 403 (rateLimitExceeded): Rate"))
        let auth = K.response(401, #"{"error":{"code":401,"message":"Request had invalid authentication credentials.","errors":[{"domain":"global","reason":"authError","location":"Authorization"}],"status":"UNAUTHENTICATED"}}"#)
        #expect(ClientsKit.isAuthInvalid(ErrorClassifier.youtube(auth, now: K.now)))
        let disabled = K.response(403, #"{"error":{"code":403,"message":"Comments disabled","errors":[{"domain":"youtube.commentThread","reason":"commentsDisabled"}]}}"#)
        #expect(ErrorClassifier.youtube(disabled, now: K.now) == .rejected(status: 403, code: "commentsDisabled", detail: "YouTube HTTP 403 (commentsDisabled): Comments disabled"))
        let backend = K.response(500, #"{"error":{"code":500,"message":"Backend Error","errors":[{"domain":"global","reason":"backendError"}]}}"#)
        #expect(ErrorClassifier.youtube(backend, now: K.now) == .transient(status: 500, detail: "YouTube HTTP 500 (backendError): Backend Error"))
        #expect(ErrorClassifier.youtube(K.response(#"{"items":[]}"#), now: K.now) == nil)
    }

    @Test func tiktokCodes() {
        #expect(ErrorClassifier.tiktok(K.response(#"{"data":{},"error":{"code":"ok","message":"","log_id":"L"}}"#), now: K.now) == nil)
        #expect(ErrorClassifier.tiktok(K.response(401, #"{"error":{"code":"access_token_invalid","message":"bad","log_id":"L"}}"#), now: K.now)
            == .authInvalid(detail: "TikTok HTTP 401 access_token_invalid (log_id L): bad"))
        #expect(ErrorClassifier.tiktok(K.response(429, #"{"error":{"code":"rate_limit_exceeded","message":"slow","log_id":"L"}}"#, headers: [("Retry-After", "60")]), now: K.now)
            == .rateLimited(until: K.now.addingTimeInterval(60), detail: "TikTok HTTP 429 rate_limit_exceeded (log_id L): slow"))
        #expect(ErrorClassifier.tiktok(K.response(500, #"{"error":{"code":"internal_error","message":"","log_id":"L"}}"#), now: K.now)
            == .transient(status: 500, detail: "TikTok HTTP 500 internal_error (log_id L)"))
        #expect(ErrorClassifier.tiktok(K.response(400, #"{"error":"invalid_request","error_description":"Code verifier is invalid.","log_id":"L"}"#), now: K.now)
            == .rejected(status: 400, code: "invalid_request", detail: "TikTok HTTP 400 invalid_request (log_id L): Code verifier is invalid."))
        #expect(ErrorClassifier.tiktok(HTTPResponseSpec(status: 502), now: K.now) == .transient(status: 502, detail: "TikTok HTTP 502"))
    }

    @Test func retryAfterAsHTTPDate() {
        let response = HTTPResponseSpec(status: 503, headers: [("Retry-After", "Sat, 01 Jun 2024 12:05:00 GMT")])
        #expect(ErrorClassifier.retryAfter(response, now: K.now) == K.now.addingTimeInterval(300))
    }
}

@Suite struct ClientSecretAndCredentialTests {
    typealias K = ClientsKit

    @Test func tokenEchoedInAnErrorIsRedacted() async {
        let transport = ClientsFakeTransport([K.response(400, #"""
            {"error":{"message":"Invalid OAuth access token - Cannot parse access token: \#(K.token)","type":"OAuthException","code":190,"fbtrace_id":"F"}}
            """#)])
        let connector = MetaGraphConnector(surface: .facebookPage, transport: transport, endpoints: K.endpoints,
                                           credentials: K.credentials { $0.pageID = "1"; $0.appSecret = K.appSecret })
        let error = await K.error { try await connector.testConnection() }
        let detail = error?.detail ?? ""
        #expect(ClientsKit.isAuthInvalid(error))
        #expect(!detail.contains(K.token))
        #expect(detail.contains("[redacted]"))
    }

    @Test func transportFailureIsTransientAndRedacted() async {
        let transport = ClientsFakeTransport(failure: ClientsLeakyTransportError(text: "Authorization: Bearer \(K.token) proof \(K.appSecretProof) secret \(K.appSecret)"))
        let connector = MetaGraphConnector(surface: .facebookPage, transport: transport, endpoints: K.endpoints,
                                           credentials: K.credentials { $0.pageID = "1"; $0.appSecret = K.appSecret })
        let error = await K.error { try await connector.testConnection() }
        guard case .transient(0, let detail) = error else {
            Issue.record("expected transient(0), got \(String(describing: error))")
            return
        }
        #expect(!detail.contains(K.token) && !detail.contains(K.appSecret) && !detail.contains(K.appSecretProof))
        #expect(detail.hasPrefix("transport failure: connection reset while sending Authorization: Bearer [redacted]"))
    }

    @Test func tokenIsOnlyEverInTheAuthorizationHeader() async throws {
        let transport = ClientsFakeTransport()
        let credentials = K.credentials {
            $0.pageID = "1"; $0.instagramUserID = "2"; $0.phoneNumberID = "3"; $0.xUserID = "4"; $0.channelID = "UC5"
        }
        for platform in Platform.allCases {
            let connector = Connectors.make(platform: platform, transport: transport, endpoints: K.endpoints, credentials: credentials)
            _ = await K.error { try await connector.testConnection() }
            if let replying = connector as? any ReplyingConnector {
                _ = await K.error { try await replying.reply(to: "9", text: "hello", idempotencyKey: "k") }
            }
            if let polling = connector as? any PollingConnector {
                _ = await K.error { try await polling.poll(cursor: nil) }
            }
        }
        #expect(transport.requests.count >= 12)
        for request in transport.requests {
            #expect(!request.url.absoluteString.contains(K.token))
            #expect(!String(decoding: request.body ?? Data(), as: UTF8.self).contains(K.token))
            #expect(request.headers.filter { $0.1.contains(K.token) }.map(\.0) == ["Authorization"])
        }
    }

    @Test func missingCredentialsFailWithoutAnyRequest() async {
        let transport = ClientsFakeTransport()
        let noToken = AccountCredentials(pageID: "1", instagramUserID: "2", phoneNumberID: "3", channelID: "UC5", xUserID: "4")
        let onlyToken = AccountCredentials(accessToken: K.token)
        let e = K.endpoints

        var errors: [PlatformError?] = []
        for platform in Platform.allCases {
            let connector = Connectors.make(platform: platform, transport: transport, endpoints: e, credentials: noToken)
            errors.append(await K.error { try await connector.testConnection() })
        }
        let page = MetaGraphConnector(surface: .facebookPage, transport: transport, endpoints: e, credentials: onlyToken)
        let insta = MetaGraphConnector(surface: .instagram, transport: transport, endpoints: e, credentials: onlyToken)
        let whatsapp = WhatsAppConnector(transport: transport, endpoints: e, credentials: onlyToken)
        let x = XConnector(transport: transport, endpoints: e, credentials: onlyToken)
        let youtube = YouTubeConnector(transport: transport, endpoints: e, credentials: onlyToken)
        let tiktok = TikTokConnector(transport: transport, endpoints: e, credentials: AccountCredentials(accessToken: "  "))
        errors.append(await K.error { try await page.testConnection() })
        errors.append(await K.error { try await page.reply(to: "1", text: "x", idempotencyKey: "k") })
        errors.append(await K.error { try await page.sendMessage(to: "1", text: "x") })
        errors.append(await K.error { try await page.publishPagePost(message: "x") })
        errors.append(await K.error { try await page.fetchFollowerCount() })
        errors.append(await K.error { try await insta.testConnection() })
        errors.append(await K.error { try await insta.publishInstagramImage(imageURL: "https://a/b.jpg", caption: nil) })
        errors.append(await K.error { try await insta.sendMessage(to: "1", text: "x") })
        errors.append(await K.error { try await whatsapp.send(.text("x", previewURL: false), to: "628") })
        errors.append(await K.error { try await whatsapp.testConnection() })
        errors.append(await K.error { try await x.poll(cursor: nil) })
        errors.append(await K.error { try await youtube.poll(cursor: nil) })
        errors.append(await K.error { try await tiktok.publishVideo(TikTokVideoPost(videoURL: "https://a/v.mp4", title: "t", privacyLevel: .selfOnly)) })

        #expect(errors.count == 19)
        #expect(errors.allSatisfy(ClientsKit.isAuthInvalid))
        #expect(errors[6] == .authInvalid(detail: "credential missing: pageID"))
        #expect(errors.contains(.authInvalid(detail: "credential missing: accessToken")))
        #expect(errors.contains(.authInvalid(detail: "credential missing: xUserID")))
        #expect(errors.contains(.authInvalid(detail: "credential missing: channelID")))
        #expect(errors.contains(.authInvalid(detail: "credential missing: phoneNumberID")))
        #expect(errors.contains(.authInvalid(detail: "credential missing: instagramUserID")))
        #expect(transport.requests.isEmpty)
    }

    @Test func factoryMapsPlatformsAndCapabilities() {
        let transport = ClientsFakeTransport()
        let make = { (platform: Platform) in
            Connectors.make(platform: platform, transport: transport, endpoints: K.endpoints, credentials: K.credentials())
        }
        #expect(Platform.allCases.allSatisfy { make($0).platform == $0 })
        #expect((make(.facebook) as? MetaGraphConnector)?.surface == .facebookPage)
        #expect((make(.instagram) as? MetaGraphConnector)?.surface == .instagram)
        #expect(make(.x) is any PollingConnector && make(.youtube) is any PollingConnector)
        #expect(!(make(.facebook) is any PollingConnector) && !(make(.tiktok) is any ReplyingConnector))
        #expect([Platform.facebook, .instagram, .x, .tiktok, .youtube].allSatisfy { make($0) is any PublishingConnector } && !(make(.whatsapp) is any PublishingConnector))
        #expect(make(.x).capabilities == [.poll, .reply, .publish])
        #expect(make(.youtube).capabilities == [.poll, .reply, .fetchMetrics, .publish])
        #expect(make(.whatsapp).capabilities == [.receiveWebhooks, .sendMessage, .reply])
        #expect(make(.tiktok).capabilities == [.publish])
        #expect(make(.facebook).capabilities.contains(.receiveWebhooks) && make(.instagram).capabilities.contains(.fetchMetrics))
    }
}

@Suite struct ClientRetryPolicyTests {
    @Test func ceilingDoublesUpToTheCap() {
        let policy = RetryPolicy(base: .seconds(1), cap: .seconds(10), maxAttempts: 10)
        #expect((1...6).map(policy.ceiling(forAttempt:)) == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        #expect(policy.ceiling(forAttempt: 500) == .seconds(10))
    }

    @Test func delaysStayWithinZeroAndTheCeiling() {
        let policy = RetryPolicy(base: .milliseconds(200), cap: .seconds(5), maxAttempts: 8, random: RetryPolicy.seededRandom(42))
        for attempt in 1...8 {
            for _ in 0..<200 {
                let delay = policy.delay(forAttempt: attempt)
                #expect(delay >= .zero && delay <= policy.ceiling(forAttempt: attempt))
            }
        }
        let extremes = RetryPolicy(base: .seconds(1), cap: .seconds(4), random: { 1.5 })
        #expect(extremes.delay(forAttempt: 3) == .seconds(4))
        #expect(RetryPolicy(base: .seconds(1), random: { -1 }).delay(forAttempt: 1) == .zero)
    }

    @Test func fullJitterScalesTheCeiling() {
        let policy = RetryPolicy(base: .seconds(2), cap: .seconds(60), random: { 0.25 })
        #expect(policy.delay(forAttempt: 1) == .milliseconds(500))
        #expect(policy.delay(forAttempt: 3) == .seconds(2))
    }

    @Test func seededJitterIsDeterministic() {
        let a = RetryPolicy(random: RetryPolicy.seededRandom(7))
        let b = RetryPolicy(random: RetryPolicy.seededRandom(7))
        let c = RetryPolicy(random: RetryPolicy.seededRandom(8))
        let first = (1...5).map(a.delay(forAttempt:))
        #expect(first == (1...5).map(b.delay(forAttempt:)))
        #expect(first != (1...5).map(c.delay(forAttempt:)))
        let unit = RetryPolicy.seededRandom(123)
        #expect((0..<1000).map { _ in unit() }.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test func onlyTransientErrorsAreRetried() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.shouldRetry(.transient(status: 503, detail: ""), attempt: 1))
        #expect(policy.shouldRetry(.transient(status: 0, detail: ""), attempt: 2))
        #expect(!policy.shouldRetry(.transient(status: 503, detail: ""), attempt: 3))
        #expect(!policy.shouldRetry(.rateLimited(until: nil, detail: ""), attempt: 1))
        #expect(!policy.shouldRetry(.authInvalid(detail: ""), attempt: 1))
        #expect(!policy.shouldRetry(.rejected(status: 400, code: nil, detail: ""), attempt: 1))
        #expect(!policy.shouldRetry(.invalidResponse(detail: ""), attempt: 1))
        #expect(!RetryPolicy.never.shouldRetry(.transient(status: 500, detail: ""), attempt: 1))
    }

    @Test func withRetriesRetriesTransientThenSucceeds() async throws {
        let sleeps = ClientsSleepLog()
        var calls = 0
        let policy = RetryPolicy(base: .seconds(1), cap: .seconds(30), maxAttempts: 4, random: { 0.5 })
        let value = try await withRetries(policy, sleep: { sleeps.record($0) }) { () async throws -> String in
            calls += 1
            if calls < 3 { throw PlatformError.transient(status: 503, detail: "busy") }
            return "ok"
        }
        #expect(value == "ok")
        #expect(calls == 3)
        #expect(sleeps.all == [.milliseconds(500), .seconds(1)])
    }

    @Test func withRetriesGivesUpAfterMaxAttempts() async {
        let sleeps = ClientsSleepLog()
        var calls = 0
        await #expect(throws: PlatformError.transient(status: 500, detail: "down")) {
            try await withRetries(RetryPolicy(maxAttempts: 3, random: { 0 }), sleep: { sleeps.record($0) }) { () async throws -> Int in
                calls += 1
                throw PlatformError.transient(status: 500, detail: "down")
            }
        }
        #expect(calls == 3)
        #expect(sleeps.all.count == 2)
    }

    @Test func withRetriesDoesNotRetryAuthOrRateLimits() async {
        for failure in [PlatformError.authInvalid(detail: "expired"), .rateLimited(until: nil, detail: "slow")] {
            let sleeps = ClientsSleepLog()
            var calls = 0
            await #expect(throws: failure) {
                try await withRetries(.standard, sleep: { sleeps.record($0) }) { () async throws -> Int in
                    calls += 1
                    throw failure
                }
            }
            #expect(calls == 1)
            #expect(sleeps.all.isEmpty)
        }
    }

    @Test func withRetriesWrapsAConnectorCall() async throws {
        let transport = ClientsFakeTransport([
            ClientsKit.response(502, "bad gateway"),
            ClientsKit.response(#"{"data":{"id":"1","name":"N","username":"u"}}"#),
        ])
        let x = XConnector(transport: transport, endpoints: ClientsKit.endpoints, credentials: ClientsKit.credentials())
        let check = try await withRetries(RetryPolicy(random: { 0 }), sleep: { _ in }) { try await x.testConnection() }
        #expect(check.accountID == "1")
        #expect(transport.requests.count == 2)
    }
}
