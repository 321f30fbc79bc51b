import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Sends one alert to one recipient on one channel: an e-mail to a subscriber, or the on-call
/// template on WhatsApp. A 4xx from the mail server, a lost connection or a platform hiccup is
/// tried again with the queue's backoff; a 5xx, a refused template or a missing setting is
/// dead at once, with the reason on the job.
enum AlertDeliveryJob {
    static let kind = "alert.delivery"
    static let maxAttempts = 8

    struct Payload: Codable, Equatable {
        let alert_kind: AlertKind
        let alert_id: UUID
        let channel: AlertChannel
        /// The subscriber's user id (e-mail) or the on-call number (WhatsApp, +62…).
        let recipient: String
    }

    static var handler: JobHandler { JobHandler(kind: kind) { job, app in try await run(job, app: app) } }

    /// The key that makes a second dispatch of the same alert to the same person a no-op.
    static func dedupeKey(_ payload: Payload) -> String {
        "\(payload.alert_kind.rawValue):\(payload.alert_id.uuidString):\(payload.channel.rawValue):\(payload.recipient)"
    }

    static func enqueue(_ alert: RaisedAlert, channel: AlertChannel, recipient: String, on db: Database) async throws {
        let payload = Payload(alert_kind: alert.kind, alert_id: alert.id, channel: channel, recipient: recipient)
        try await JobQueue(db: db).enqueue(JobQueue.NewJob(tenantID: alert.tenantID, kind: kind,
                                                           payload: String(decoding: try JSONEncoder().encode(payload), as: UTF8.self),
                                                           runAt: alert.createdAt, dedupeKey: dedupeKey(payload), maxAttempts: maxAttempts),
                                           now: alert.createdAt)
    }

    static func run(_ job: JobQueue.ClaimedJob, app: Application) async throws -> Bool {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)) else {
            throw JobFailure.permanent("unreadable payload")
        }
        let db = app.db
        // An alert (or its rule or account) removed since: nothing left to tell.
        guard let alert = try await RaisedAlert.load(payload.alert_kind, id: payload.alert_id, tenantID: job.tenantID, on: db),
              let tenant = try await Tenant.find(job.tenantID, on: db) else { return false }
        switch payload.channel {
        case .email: try await email(alert, to: payload.recipient, tenant: tenant, app: app)
        case .whatsapp: try await whatsapp(alert, to: payload.recipient, tenant: tenant, job: job, app: app)
        case .inApp: throw JobFailure.permanent("in-app notices are written at dispatch, not queued")
        }
        return false
    }

    // MARK: E-mail

    static func email(_ alert: RaisedAlert, to recipient: String, tenant: Tenant, app: Application) async throws {
        guard let smtp = app.settings.smtp else { throw JobFailure.permanent("SMTP belum diatur (SIMPUL_SMTP_HOST)") }
        guard let userID = UUID(uuidString: recipient),
              let user = try await UserModel.query(on: app.db).filter(\.$tenantID == tenant.id!).filter(\.$id == userID).first(),
              user.active else { return }
        guard MailAddress.isPlausible(user.email) else { throw JobFailure.permanent("alamat e-mail penerima tidak sah") }
        let message = mail(alert, to: user.email, recipientID: userID, tenant: tenant, smtp: smtp, baseURL: app.settings.baseURL, now: app.clock.now())
        do {
            try await SMTPClient(settings: smtp, group: app.eventLoopGroup, logger: app.logger).send(message)
        } catch let error as SMTPError {
            if error.isTransient { throw error }
            throw JobFailure.permanent(error.description)
        }
    }

    static func mail(_ alert: RaisedAlert, to address: String, recipientID: UUID, tenant: Tenant, smtp: SMTPSettings, baseURL: String,
                     now: Date) -> MailMessage {
        let l = L10n(language: .id, zone: tenant.zone)
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let body = """
            \(alert.title).

            \(l.number(alert.count)) pesan antara \(l.dateTime(alert.bucketStart)) dan \(l.dateTime(alert.bucketEnd)).
            Rumus: \(alert.explanation)

            Lihat peringatan: \(base)\(SiteRoute.listeningAlerts.path)
            Atur langganan: \(base)\(SiteRoute.alertSubscriptions.path)

            Pesan ini dikirim otomatis oleh Simpul (\(tenant.name)) karena Anda berlangganan peringatan ini.
            """
        let domain = SMTPClient.clientName(from: smtp.fromAddress)
        // The same for every attempt: should a server accept a message and the worker die before
        // the job is marked done, the retry carries the same Message-ID, which mail systems
        // recognise as the message they already have.
        let messageID = "alert-\(alert.id.uuidString.lowercased()).\(recipientID.uuidString.lowercased())@\(domain)"
        return MailMessage(fromAddress: smtp.fromAddress, fromName: smtp.fromName, to: address, subject: "[Simpul] \(alert.title)", body: body,
                           date: now, messageID: messageID)
    }

    // MARK: WhatsApp

    /// The template's variables are filled in order from the alert's title, its formula and the
    /// link to the alerts page; a template with more than three cannot be filled.
    static let maxTemplateParameters = 3

    static func parameters(for alert: RaisedAlert, baseURL: String, count: Int) -> [String] {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        // Meta refuses line breaks, tabs and long runs of spaces in a parameter.
        func clean(_ text: String) -> String {
            String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }).split(separator: " ").joined(separator: " ")
        }
        let values = [clean(alert.title), clean(alert.explanation), base + SiteRoute.listeningAlerts.path]
        return Array(values.prefix(count)).map { String($0.prefix(WhatsAppTemplateText.maxParameter)) }
    }

    static func whatsapp(_ alert: RaisedAlert, to phone: String, tenant: Tenant, job: JobQueue.ClaimedJob, app: Application) async throws {
        let db = app.db
        // Taken off the list since the alert was raised: not sent.
        guard try await OnCallPersonModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$phone == phone).first() != nil else { return }
        guard let settings = try await OnCallSettingsModel.current(tenantID: tenant.id!, on: db), let accountID = settings.accountID,
              let templateID = settings.templateID else { throw JobFailure.permanent("daftar piket belum memilih akun WhatsApp dan templat") }
        guard let account = try await AccountModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$id == accountID).first(),
              account.active, account.platform == .whatsapp else { throw JobFailure.permanent("akun WhatsApp pengirim tidak aktif") }
        guard let template = try await WhatsAppTemplateModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$id == templateID).first(),
              template.approved else { throw JobFailure.permanent("templat WhatsApp tidak ada atau belum disetujui") }
        let values: [String]
        do {
            let count = try WhatsAppTemplateText.parameterCount(template.body)
            guard count <= maxTemplateParameters else { throw JobFailure.permanent("templat memakai lebih dari \(maxTemplateParameters) variabel") }
            values = parameters(for: alert, baseURL: app.settings.baseURL, count: count)
            try WhatsAppTemplateText.validate(parameters: values, for: template.body)
        } catch let problem as WhatsAppTemplateText.Problem {
            throw JobFailure.permanent("templat tidak dapat diisi: \(problem)")
        }
        let connector: any PlatformConnector
        do {
            connector = try AccountConnector.make(for: account, app: app)
        } catch {
            throw JobFailure.permanent("akun WhatsApp pengirim belum tersambung")
        }
        guard let whatsapp = connector as? WhatsAppConnector else { throw JobFailure.permanent("akun pengirim bukan WhatsApp") }
        do {
            // The Cloud API takes the number as digits with the country code.
            _ = try await whatsapp.send(.template(name: template.name, language: template.language, parameters: values),
                                        to: String(phone.drop { $0 == "+" }), idempotencyKey: job.id.uuidString)
        } catch {
            switch error {
            case .rateLimited(let until, let detail):
                throw JobFailure.postpone(until: until ?? app.clock.now().addingTimeInterval(60), reason: detail)
            case .transient:
                throw error
            case .authInvalid, .rejected, .invalidResponse:
                throw JobFailure.permanent(String(describing: error))
            }
        }
    }
}
