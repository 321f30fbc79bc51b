import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Wires one Application: database, password hashing, middleware, routes, commands.
public func configure(_ app: Application, settings: Settings, clock: AppClock = .system) async throws {
    app.settings = settings
    app.clock = clock
    app.platformEndpoints = settings.platformEndpoints
    app.useFeedFetching(allowsInternalAddresses: settings.feedsAllowInternalAddresses)
    app.logger.logLevel = settings.logLevel
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    // Requests are counted and timed by `RequestObserver` for /metrics. Vapor's own figures go
    // to swift-metrics, which nothing here reads, and cost a label set on every request.
    app.http.server.configuration.reportMetrics = false

    if let url = settings.databaseURL {
        var config = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode=") { config.coreConfiguration.tls = .disable }
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4), as: .psql)
        app.ingestWriter = IngestWriter(.postgres({ [unowned app] in app.db }))
    } else {
        let directory = URL(fileURLWithPath: settings.sqlitePath).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(settings.sqlitePath)), as: .sqlite)
        let writer = SQLiteIngestConnection(path: settings.sqlitePath)
        app.lifecycle.use(SQLiteIngestConnectionLifecycle(writer: writer))
        app.ingestWriter = IngestWriter(.sqlite(writer))
    }
    app.migrations.add(SimpulMigrations.all)

    app.secretBox = SecretBox(secretKey: settings.secretKey)
    app.connections = ConnectionDirectory(box: app.secretBox)
    app.inboxHub = InboxHub()

    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.dummyPasswordHash = try await app.password.async.hash(Secrets.random())

    app.middleware = Middlewares()
    app.middleware.use(RequestObserver(registry: app.metricsRegistry))
    app.middleware.use(SecurityHeaders(strictTransport: settings.secureCookies))
    app.middleware.use(FlashMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.routes.defaultMaxBodySize = "256kb"

    registerRoutes(app.routeCatalog)

    app.asyncCommands.use(MigrateCommandNow(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(TenantCommands(), as: "tenant")
    app.asyncCommands.use(WebhookCommands(), as: "webhook")
    app.asyncCommands.use(TextCommands(), as: "text")
    app.asyncCommands.use(CheckCommand(), as: "check")
    app.asyncCommands.use(ListenCommands(), as: "listen")
    app.asyncCommands.use(HoaxCommands(), as: "hoax")
}

/// Every route of the product, in one list. The authorization test walks the same list.
func registerRoutes(_ routes: RouteCatalog) {
    HealthController.register(routes)
    StaticAssets.register(routes)
    AuthController.register(routes)
    HomeController.register(routes)
    UnitsController.register(routes)
    AccountsController.register(routes)
    UsersController.register(routes)
    AuditController.register(routes)
    UnitsAPI.register(routes)
    AccountsAPI.register(routes)
    UsersAPI.register(routes)
    WebhookController.register(routes)
    ConnectionController.register(routes)
    ComplianceController.register(routes)
    PackController.register(routes)
    ContentController.register(routes)
    ContentWorkflowController.register(routes)
    ContentListsController.register(routes)
    CalendarController.register(routes)
    ContentSettingsController.register(routes)
    NotificationsController.register(routes)
    MediaLibrary.register(routes)
    StaffAccountsController.register(routes)
    AmplificationController.register(routes)
    CasesController.register(routes)
    ListeningController.register(routes)
    SearchController.register(routes)
    SubscriptionController.register(routes)
    OnCallController.register(routes)
    HoaxThresholdsController.register(routes)
    HoaxRegisterController.register(routes)
    ListeningAPIController.register(routes)
    HoaxAPIController.register(routes)
    CaseAPIController.register(routes)
    InboxController.register(routes)
    ThreadController.register(routes)
    TriageController.register(routes)
    SavedRepliesController.register(routes)
    SLAController.register(routes)
    BulkController.register(routes)
    TagController.register(routes)
    ThreadPresence.register(routes)
    ServiceReportController.register(routes)
    TemplatesController.register(routes)
    RoutingController.register(routes)
    ComplianceAPI.register(routes)
}

/// Makes the database ready: WAL for SQLite (readers never wait for the writer), then the
/// schema's pending migrations when asked to.
func prepareDatabase(_ app: Application, migrate: Bool) async throws {
    if !app.settings.usesPostgres {
        _ = try await (try app.db.sql).raw("PRAGMA journal_mode=WAL").all()
    }
    if migrate {
        // A newcomer starting the demo wants the logins, not a line for every migration.
        app.fluent.migrationLogLevel = .debug
        try await app.migrator.setupIfNeeded().get()
        let pending = try await app.migrator.previewPrepareBatch().get()
        try await app.migrator.prepareBatch().get()
        if !pending.isEmpty { app.logger.info("\(pending.count) migrasi diterapkan") }
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }

    /// A hash of a random secret, verified against when an e-mail is unknown so that sign-in
    /// takes as long for strangers as for real accounts.
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}
