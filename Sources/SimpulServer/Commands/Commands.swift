import ConsoleKit
import Fluent
import Foundation
import SimpulCore
import Vapor

/// `simpul migrate`: applies pending migrations without asking, printing each one.
struct MigrateCommandNow: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Menjalankan migrasi basis data yang belum diterapkan." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app, migrate: false)
        app.fluent.migrationLogLevel = .debug
        try await app.migrator.setupIfNeeded().get()
        let pending = try await app.migrator.previewPrepareBatch().get()
        if pending.isEmpty {
            context.console.print("Basis data sudah mutakhir.")
            return
        }
        for (migration, _) in pending { context.console.print("• \(migration.name)") }
        try await app.migrator.prepareBatch().get()
        context.console.print("\(pending.count) migrasi diterapkan.")
    }
}

/// `simpul demo`: the fictional Pemkot, seeded (idempotently) into the configured database,
/// then served.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "port", help: "Port HTTP (bawaan: SIMPUL_PORT atau 8080)") var port: Int?
        @Option(name: "hostname", help: "Alamat yang didengarkan (bawaan: SIMPUL_HOST atau 127.0.0.1)") var hostname: String?
        @Flag(name: "seed-only", help: "Isi data demo lalu berhenti, tanpa menjalankan server") var seedOnly: Bool
        @Option(name: "history", help: "Tambahkan sebanyak ini pesan Sandbox lampau, tersebar selama setahun terakhir (mis. 1000000 untuk uji skala)")
        var history: Int?
        @Option(name: "scale", help: "Tambahkan kelurahan uji bernomor, masing-masing dengan satu akun Sandbox dan admin unitnya sendiri, sampai instansi punya sebanyak ini akun (uji beban)")
        var scale: Int?
        @Option(name: "admins", help: "Bersama --scale: tambahkan admin kedua untuk kelurahan uji bergiliran sampai sebanyak ini orang punya peran (uji beban)")
        var admins: Int?
        @Option(name: "logins", help: "Tulis surel semua pengguna yang punya peran ke berkas ini, satu per baris, admin uji lebih dulu (kata sandinya kata sandi demo)")
        var logins: String?
        @Option(name: "publish-load", help: "Tambahkan sebanyak ini konten disetujui yang jatuh tempo pada menit yang sama, untuk uji beban penerbitan (ke URL platform yang dikonfigurasi)")
        var publishLoad: Int?
    }
    var help: String { "Mengisi data demo Pemkot fiktif lalu menjalankan Simpul." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if let port = signature.port { app.http.server.configuration.port = port }
        if let hostname = signature.hostname { app.http.server.configuration.hostname = hostname }
        try await prepareDatabase(app, migrate: true)
        context.console.print("Mengisi data demo…")
        let summary = try await DemoSeeder.seed(app)
        let c = summary.created
        context.console.print("\(summary.tenant.name): \(c.units) unit, \(c.users) pengguna, \(c.memberships) peran, \(c.accounts) akun baru.")
        if signature.history == nil, summary.created.units > 0 {
            // Two weeks of a quiet city, so that listening has the baseline a surge is measured
            // against (the same quarter-hour over the previous 14 days) from the first minute.
            let stored = try await SandboxHistory.generate(DemoCatalog.baselineHistory, days: 14, tenant: summary.tenant, app: app)
            context.console.print("Riwayat Sandbox: \(stored) pesan dua minggu terakhir.")
        }
        if signature.admins != nil, signature.scale == nil { throw CommandFailure(["--admins hanya berlaku bersama --scale"]) }
        if let scale = signature.scale {
            guard scale > 0, scale <= 5_000 else { throw CommandFailure(["--scale harus antara 1 dan 5000"]) }
            let admins = signature.admins ?? 0
            guard admins >= 0, admins <= 5_000 else { throw CommandFailure(["--admins harus antara 0 dan 5000"]) }
            let grown = try await DemoScale.grow(toAccounts: scale, admins: admins, tenant: summary.tenant, app: app)
            context.console.print("Skala uji: \(grown.units) kelurahan, \(grown.accounts) akun, \(grown.admins) admin baru.")
        }
        if let path = signature.logins {
            let logins = try await DemoScale.logins(tenant: summary.tenant, on: app.db)
            do {
                try (logins.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure(["berkas \(path) tidak dapat ditulis"])
            }
            context.console.print("\(logins.count) surel pengguna ditulis ke \(path).")
        }
        if let history = signature.history {
            guard history > 0, history <= 10_000_000 else { throw CommandFailure(["--history harus antara 1 dan 10000000"]) }
            let console = context.console
            let stored = try await SandboxHistory.generate(history, tenant: summary.tenant, app: app) { stored, triaged in
                console.print(triaged == 0 ? "  \(stored) pesan lampau tersimpan…" : "  \(triaged) dari \(stored) pesan sudah ditriase…")
            }
            context.console.print("Riwayat Sandbox: \(stored) pesan lampau tersimpan dan ditriase.")
        }
        if let load = signature.publishLoad {
            guard load > 0, load <= 1_000_000 else { throw CommandFailure(["--publish-load harus antara 1 dan 1000000"]) }
            let console = context.console
            let due = try await PublishLoad.generate(load, tenant: summary.tenant, app: app) { made in
                if made % 5_000 == 0 || made == load { console.print("  \(made) konten terjadwal…") }
            }
            context.console.print("Uji beban penerbitan: \(load) konten jatuh tempo \(IndonesianFormat.dateTime(due, zone: summary.tenant.zone)) (epoch \(Int(due.timeIntervalSince1970))).")
        }
        if signature.seedOnly { return }
        let config = app.http.server.configuration
        context.console.print("")
        context.console.print("Simpul berjalan di http://\(config.hostname):\(config.port)")
        context.console.print("Kata sandi semua akun demo: \(DemoSeeder.password)")
        for login in DemoSeeder.sampleLogins() {
            context.console.print("  \(login.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(login.email)  (\(login.name), \(login.unit))")
        }
        context.console.print("")
        // Hand over to Vapor's own serve command, so the demo stops on Ctrl-C like `serve` does.
        var serveContext = context
        serveContext.input = CommandInput(arguments: ["simpul demo", "--hostname", config.hostname, "--port", String(config.port)])
        guard let serve = app.asyncCommands.commands["serve"] else { throw CommandFailure(["perintah serve tidak tersedia"], kind: .failed) }
        let sandbox = try await SandboxRunner.start(tenant: summary.tenant, app: app)
        context.console.print("Sandbox aktif: pesan tiruan mengalir ke akun demo setiap beberapa detik.")
        // `serve` returns once the server listens; the application runs on until shutdown, and
        // the background tasks must live exactly as long.
        app.lifecycle.use(CancelOnShutdown(tasks: [sandbox] + BackgroundWork.start(app: app) + InboxEvents.start(app: app)))
        try await serve.run(using: &serveContext)
    }
}

/// Stops background tasks when the application shuts down.
struct CancelOnShutdown: LifecycleHandler {
    let tasks: [Task<Void, Never>]
    func shutdown(_ application: Application) { tasks.forEach { $0.cancel() } }
}

struct TenantCommands: SimpulCommandGroup {
    var help: String { "Mengelola instansi." }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateTenant()] }

    /// `simpul tenant create`: a new instansi with its top unit, for a fresh installation.
    struct CreateTenant: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "name", help: "Nama instansi, mis. \"Pemerintah Kota Contoh\"") var name: String?
            @Option(name: "slug", help: "Kode instansi (huruf kecil, angka, tanda hubung)") var slug: String?
            @Option(name: "root-code", help: "Kode unit teratas (bawaan: PEMDA)") var rootCode: String?
            @Option(name: "zone", help: "Zona waktu: Asia/Jakarta, Asia/Makassar atau Asia/Jayapura") var zone: String?
        }
        var help: String { "Membuat instansi baru beserta unit teratasnya." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app, migrate: app.settings.autoMigrate)
            var errors: [String] = []
            let name = Validators.trimmed(signature.name)
            let slug = Validators.trimmed(signature.slug).lowercased()
            let zone = signature.zone ?? "Asia/Jakarta"
            if name.isEmpty || name.count > Validators.nameMax { errors.append("--name wajib diisi (maks. \(Validators.nameMax) karakter)") }
            if slug.isEmpty || slug.count > 60 || !slug.allSatisfy({ ($0.isLetter && $0.isASCII) || $0.isNumber || $0 == "-" }) {
                errors.append("--slug wajib: huruf kecil, angka, tanda hubung")
            }
            if !IndonesianFormat.supportedZones.contains(zone) { errors.append("--zone harus salah satu dari \(IndonesianFormat.supportedZones.joined(separator: ", "))") }
            var fieldErrors = FieldErrors()
            let rootCode = Validators.unitCode(signature.rootCode ?? "PEMDA", into: &fieldErrors)
            if !fieldErrors.isEmpty { errors.append("--root-code hanya huruf besar, angka, tanda hubung (maks. 20)") }
            if errors.isEmpty, try await Tenant.query(on: app.db).filter(\.$slug == slug).count() > 0 { errors.append("Instansi dengan kode \(slug) sudah ada") }
            guard errors.isEmpty else { throw CommandFailure(errors) }
            let now = app.clock.now()
            try await app.db.transaction { db in
                let tenant = Tenant(name: name, slug: slug, timeZone: zone, createdAt: now)
                try await tenant.create(on: db)
                let root = UnitModel(tenantID: tenant.id!, parentID: nil, kind: .pemda, name: name, code: rootCode, at: now)
                try await root.create(on: db)
                try await Auditor.record(.system(tenantID: tenant.id!, at: now), on: db, action: .tenantCreate, targetType: .tenant, targetID: tenant.id, label: name)
            }
            context.console.print("Instansi \(name) (\(slug)) dibuat dengan unit teratas \(rootCode).")
        }
    }
}

struct UserCommands: SimpulCommandGroup {
    var help: String { "Mengelola pengguna." }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateUser(), "token": CreateToken()] }

    /// The instansi named by `--tenant`, or a message that says how to make one.
    static func tenant(_ slug: String?, on db: Database) async throws -> Tenant {
        guard let slug, let tenant = try await Tenant.query(on: db).filter(\.$slug == slug.lowercased()).first() else {
            throw CommandFailure(["--tenant tidak dikenal; buat dulu dengan `simpul tenant create`"])
        }
        return tenant
    }

    /// `simpul user token`: an API token for a person, for scripts and integrations that run
    /// without a browser. Printed once; only its fingerprint is stored.
    struct CreateToken: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "tenant", help: "Kode instansi (slug)") var tenant: String?
            @Option(name: "email", help: "Email pengguna pemilik token") var email: String?
            @Option(name: "name", help: "Nama token, mis. \"integrasi LAPOR\"") var name: String?
        }
        var help: String { "Membuat token API untuk seorang pengguna dan mencetaknya sekali." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app, migrate: app.settings.autoMigrate)
            let tenant = try await UserCommands.tenant(signature.tenant, on: app.db)
            var problems = FieldErrors()
            let name = Validators.text(signature.name, max: 80, field: "--name", into: &problems)
            let email = Validators.email(signature.email, field: "--email", into: &problems)
            let l = L10n(language: .id, zone: tenant.zone)
            guard problems.isEmpty else { throw CommandFailure(problems.items.map { l.issue($0.issue, label: $0.field) }) }
            guard let user = try await UserModel.query(on: app.db).filter(\.$tenantID == tenant.id!).filter(\.$email == email).first(), user.active else {
                throw CommandFailure(["--email: tidak ada pengguna aktif dengan email itu di \(tenant.slug)"])
            }
            let secret = TokenAuthenticator.make(tenantID: tenant.id!)
            let token = APITokenModel()
            token.tenantID = tenant.id!
            token.userID = user.id!
            token.name = name
            token.tokenHash = Secrets.fingerprint(secret)
            token.createdAt = app.clock.now()
            try await app.db.transaction { db in
                try await token.create(on: db)
                try await Auditor.record(.system(tenantID: tenant.id!, at: token.createdAt), on: db, action: .tokenCreate, targetType: .token,
                                         targetID: token.id, label: name, after: ["user": user.email])
            }
            context.console.print(secret)
        }
    }

    /// `simpul user create`: a person with one role, typically the first koordinator of a new instansi.
    struct CreateUser: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "tenant", help: "Kode instansi (slug)") var tenant: String?
            @Option(name: "name", help: "Nama lengkap") var name: String?
            @Option(name: "email", help: "Email") var email: String?
            @Option(name: "role", help: "supervisor, unitAdmin, operator, approver, viewer atau staff") var role: String?
            @Option(name: "unit", help: "Kode unit tempat peran berlaku") var unit: String?
            @Option(name: "nip", help: "NIP 18 angka (opsional)") var nip: String?
        }
        var help: String { "Membuat pengguna. Kata sandi dibaca dari SIMPUL_NEW_PASSWORD atau ditanyakan." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app, migrate: app.settings.autoMigrate)
            let tenant = try await UserCommands.tenant(signature.tenant, on: app.db)
            var problems = FieldErrors()
            let name = Validators.text(signature.name, max: Validators.nameMax, field: "--name", into: &problems)
            let email = Validators.email(signature.email, field: "--email", into: &problems)
            let nip = Validators.nip(signature.nip, field: "--nip", into: &problems)
            let role = Validators.choice(signature.role, as: Role.self, field: "--role", into: &problems)
            let tree = try await UnitQueries.tree(tenantID: tenant.id!, on: app.db)
            let unitID = UnitQueries.resolver(tree)(signature.unit ?? "")
            if unitID == nil { problems.add("--unit", .unknownUnit) }
            let password = ProcessInfo.processInfo.environment["SIMPUL_NEW_PASSWORD"] ?? context.console.ask("Kata sandi: ", isSecure: true)
            _ = Validators.password(password, field: "kata sandi", into: &problems)
            if problems["--email"] == nil, try await UserQueries.emailTaken(email, tenantID: tenant.id!, except: nil, on: app.db) { problems.add("--email", .duplicate) }
            let l = L10n(language: .id, zone: tenant.zone)
            guard problems.isEmpty, let role, let unitID else {
                throw CommandFailure(problems.items.map { l.issue($0.issue, label: $0.field) })
            }
            let now = app.clock.now()
            let hash = try await app.password.async.hash(password)
            try await app.db.transaction { db in
                let user = UserModel(tenantID: tenant.id!, name: name, email: email, nip: nip, phone: nil, passwordHash: hash, at: now)
                try await user.create(on: db)
                try await MembershipModel(tenantID: tenant.id!, userID: user.id!, unitID: unitID, role: role, at: now).create(on: db)
                try await Auditor.record(.system(tenantID: tenant.id!, at: now), on: db, action: .userCreate, targetType: .user, targetID: user.id, label: name, after: UserService.fields(user))
            }
            context.console.print("Pengguna \(name) <\(email)> dibuat sebagai \(role.rawValue) di \(tree[unitID]?.name ?? "").")
        }
    }
}

/// A command refused its input (every problem listed, nothing written; exit status 2 with the
/// usage), or could not do its work for a reason outside the command line (status 1).
struct CommandFailure: Error, CustomStringConvertible {
    enum Kind { case badInput, failed }
    let problems: [String]
    let kind: Kind
    init(_ problems: [String], kind: Kind = .badInput) {
        self.problems = problems
        self.kind = kind
    }
    var description: String { "Perintah dibatalkan:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
