import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// Bad input on every form and API endpoint gets a 4xx with a clear message and writes no row.
@Suite("Bad input")
struct BadInputTests {
    struct Rows: Equatable {
        let units, users, memberships, accounts, audit: Int
    }

    static func rows(_ app: Application, _ world: World) async throws -> Rows {
        let t = world.tenants
        return Rows(units: try await app.count("units", tenants: t), users: try await app.count("users", tenants: t),
                    memberships: try await app.count("memberships", tenants: t), accounts: try await app.count("accounts", tenants: t),
                    audit: try await app.count("audit_events", tenants: t))
    }

    static let long = String(repeating: "a", count: 121)

    @Test("web forms refuse bad input with the field's message and keep what was typed")
    func webForms() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let opdA = world.units["OPD-A"]!.uuidString
            let cases: [(String, [String: String], String)] = [
                ("/units", ["code": "BAG-X", "kind": "bagian", "parent_id": opdA], "Nama unit belum diisi"),
                ("/units", ["name": Self.long, "code": "BAG-X", "kind": "bagian", "parent_id": opdA], "Nama unit terlalu panjang"),
                ("/units", ["name": "Bagian X", "code": "bag x!", "kind": "bagian", "parent_id": opdA], "Kode hanya boleh huruf besar"),
                ("/units", ["name": "Bagian X", "code": "BAG-A1", "kind": "bagian", "parent_id": opdA], "Kode sudah dipakai"),
                ("/units", ["name": "Bagian X", "code": "BAG-X", "kind": "planet", "parent_id": opdA], "Pilihan Jenis tidak dikenal"),
                ("/units", ["name": "Bagian X", "code": "BAG-X", "kind": "bagian", "parent_id": UUID().uuidString], "Unit induk tidak ditemukan"),
                ("/units", ["name": "Bagian X", "code": "BAG-X", "kind": "bagian", "parent_id": world.unitB.uuidString], "Unit induk tidak ditemukan"),
                ("/units", ["name": "Kelurahan X", "code": "KEL-X", "kind": "kelurahan", "parent_id": opdA], "Jenis ini tidak bisa berada di bawah"),
                ("/units/\(world.units["OPD-A"]!)", ["name": "Unit OPD-A", "code": "OPD-A", "kind": "opd", "parent_id": world.units["BAG-A1"]!.uuidString], "tidak bisa ditempatkan di bawah dirinya sendiri"),
                ("/accounts", ["platform": "instagram", "display_name": "Tanpa Handle", "kind": "official", "unit": opdA], "Handle belum diisi"),
                ("/accounts", ["platform": "instagram", "handle": "dinas.a", "display_name": "Ganda", "kind": "official", "unit": opdA], "Handle sudah dipakai"),
                ("/accounts", ["platform": "instagram", "handle": "@DINAS.A", "display_name": "Ganda", "kind": "official", "unit": opdA], "Handle sudah dipakai"),
                ("/accounts", ["platform": "myspace", "handle": "x", "display_name": "X", "kind": "official", "unit": opdA], "Pilihan Platform tidak dikenal"),
                ("/accounts", ["platform": "x", "handle": "nama spasi", "display_name": "X", "kind": "official", "unit": opdA], "karakter yang tidak dipakai platform"),
                ("/accounts", ["platform": "instagram", "handle": "baru.sekali", "display_name": "X", "kind": "official", "unit": UUID().uuidString], "Unit kerja tidak ditemukan"),
                ("/accounts", ["platform": "instagram", "handle": "baru.sekali", "display_name": "X", "kind": "official", "unit": world.unitB.uuidString], "Unit kerja tidak ditemukan"),
                ("/accounts", ["platform": "instagram", "handle": "baru.sekali", "display_name": "X", "kind": "staff", "unit": opdA], "Akun staf harus punya pemilik"),
                ("/accounts", ["platform": "instagram", "handle": "baru.sekali", "display_name": "X", "kind": "staff", "unit": opdA, "owner": "koordinator@lain.go.id"], "Pengguna tidak ditemukan"),
                ("/accounts", ["platform": "instagram", "handle": "baru.sekali", "display_name": "X", "kind": "official", "unit": opdA, "followers": "banyak"], "Jumlah pengikut harus berupa angka"),
                ("/accounts", ["platform": "instagram", "handle": "baru.sekali", "display_name": "X", "kind": "official", "unit": opdA, "followers": "-5"], "harus antara"),
                ("/users", ["name": "Tanpa Email", "password": "sandi-panjang-sekali", "role": "viewer", "unit_id": opdA], "Email belum diisi"),
                ("/users", ["name": "Email Salah", "email": "bukan-email", "password": "sandi-panjang-sekali", "role": "viewer", "unit_id": opdA], "bukan alamat email yang benar"),
                ("/users", ["name": "Ganda", "email": "target@uji.go.id", "password": "sandi-panjang-sekali", "role": "viewer", "unit_id": opdA], "Email sudah dipakai"),
                ("/users", ["name": "Pendek", "email": "pendek@uji.go.id", "password": "pendek", "role": "viewer", "unit_id": opdA], "terlalu pendek"),
                ("/users", ["name": "NIP", "email": "nip@uji.go.id", "nip": "12345", "password": "sandi-panjang-sekali", "role": "viewer", "unit_id": opdA], "NIP harus 18 angka"),
                ("/users", ["name": "Telp", "email": "telp@uji.go.id", "phone": "12ab", "password": "sandi-panjang-sekali", "role": "viewer", "unit_id": opdA], "Nomor telepon tidak dikenali"),
                ("/users", ["name": "Unit", "email": "unit@uji.go.id", "password": "sandi-panjang-sekali", "role": "viewer", "unit_id": "bukan-unit"], "Unit kerja tidak ditemukan"),
                ("/users", ["name": "Peran", "email": "peran@uji.go.id", "password": "sandi-panjang-sekali", "role": "raja", "unit_id": opdA], "Pilihan Peran tidak dikenal"),
                ("/users/\(world.target.id!)", ["name": "", "email": "target@uji.go.id"], "Nama lengkap belum diisi"),
                ("/users/\(world.target.id!)/roles", ["role": "viewer"], "Unit kerja belum diisi"),
                ("/users/\(world.target.id!)/reset-password", ["password": "123"], "terlalu pendek"),
            ]
            for (path, form, message) in cases {
                let before = try await Self.rows(app, world)
                let response = try await app.web(.POST, path, as: admin, form: form)
                #expect(response.status == .unprocessableEntity, "\(path) \(form)")
                #expect(response.body.string.contains(message), "\(path) \(form): expected “\(message)”")
                if let typed = form["name"], !typed.isEmpty, typed.count < 100, path.hasSuffix("s") {
                    #expect(response.body.string.contains("value=\"\(typed)\""), "\(path) keeps the typed name")
                }
                #expect(try await Self.rows(app, world) == before, "\(path) \(form) wrote rows")
            }
        }
    }

    @Test("a unit admin cannot grant roles above their own")
    func noEscalation() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let unitAdmin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let before = try await Self.rows(app, world)
            let response = try await app.web(.POST, "/users/\(world.target.id!)/roles", as: unitAdmin, form: ["role": "supervisor", "unit_id": world.units["OPD-A"]!.uuidString])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("tidak berwenang memberi peran"))
            #expect(try await Self.rows(app, world) == before)
        }
    }

    @Test("CSV import reports every bad row and imports none")
    func csvImport() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let csv = """
            platform,handle,display_name,kind,unit,owner,followers,status
            instagram,akun.baik,Akun Baik,official,OPD-A,,100,connected
            instagram,dinas.a,Sudah Ada,official,OPD-A,,,
            tiktok,,Tanpa Handle,official,OPD-A,,,
            facebook,halaman.baru,Unit Lain,official,OPD-B,,,
            x,ganda_x,Ganda 1,official,OPD-A,,,
            x,ganda_x,Ganda 2,official,OPD-A,,,
            youtube,kanal.uji,Kanal,official,OPD-A,,seribu,
            """
            let before = try await Self.rows(app, world)
            let response = try await app.web(.POST, "/accounts/import", as: admin, form: ["text": csv])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("5 masalah ditemukan"))
            for line in ["<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>7</td>", "<td>8</td>"] { #expect(body.contains(line), "line \(line)") }
            #expect(!body.contains("<td>2</td>"))
            #expect(try await Self.rows(app, world) == before)

            let missingColumns = try await app.web(.POST, "/accounts/import", as: admin, form: ["text": "platform,handle\ninstagram,x"])
            #expect(missingColumns.status == .unprocessableEntity)
            #expect(missingColumns.body.string.contains("Kolom wajib tidak ada: display_name, kind, unit"))
            let unterminated = try await app.web(.POST, "/accounts/import", as: admin, form: ["text": "platform,handle,display_name,kind,unit\n\"instagram,x,y,official,OPD-A"])
            #expect(unterminated.body.string.contains("tidak ditutup"))
            #expect(try await app.web(.POST, "/accounts/import", as: admin, form: ["text": ""]).body.string.contains("Berkas CSV kosong"))

            let good = "platform,handle,display_name,kind,unit,followers\ninstagram,akun.baik,Akun Baik,official,OPD-A,100\nfacebook,halaman.bagian,Bagian A1,official,BAG-A1,\n"
            #expect(try await app.web(.POST, "/accounts/import", as: admin, form: ["text": good]).status == .seeOther)
            #expect(try await app.count("accounts", tenants: world.tenants) == before.accounts + 2)
        }
    }

    @Test("the API answers bad input with structured JSON and writes nothing")
    func api() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let token = try await World.apiToken(world.inScope[.supervisor]!, app: app)
            let opdA = world.units["OPD-A"]!
            let cases: [(HTTPMethod, String, String?, UInt, String)] = [
                (.POST, "/api/v1/units", #"{"code":"X","kind":"bagian","parent_id":"\#(opdA)"}"#, 422, "name"),
                (.POST, "/api/v1/units", #"{"name":123,"code":"X","kind":"bagian","parent_id":"\#(opdA)"}"#, 400, "name"),
                (.POST, "/api/v1/units", #"{"name":"\#(Self.long)","code":"X","kind":"bagian","parent_id":"\#(opdA)"}"#, 422, "name"),
                (.POST, "/api/v1/units", #"{"name":"X","code":"BAG-A1","kind":"bagian","parent_id":"\#(opdA)"}"#, 422, "code"),
                (.POST, "/api/v1/units", #"{"name":"X","code":"BAG-Y","kind":"bagian","parent_id":"bukan-uuid"}"#, 422, "parent_id"),
                (.POST, "/api/v1/units", "{bukan json", 400, "bad_request"),
                (.POST, "/api/v1/units", nil, 400, "bad_request"),
                (.PATCH, "/api/v1/units/\(UUID())", #"{"name":"X"}"#, 404, "not_found"),
                (.PATCH, "/api/v1/units/bukan-uuid", #"{"name":"X"}"#, 404, "not_found"),
                (.POST, "/api/v1/accounts", #"{"platform":"instagram","handle":"dinas.a","display_name":"Ganda","kind":"official","unit":"OPD-A"}"#, 422, "handle"),
                (.POST, "/api/v1/accounts", #"{"platform":"instagram","handle":"baru","display_name":"Baru","kind":"official","unit":"OPD-A","followers":"banyak"}"#, 400, "followers"),
                (.POST, "/api/v1/accounts", #"{"platform":"instagram","handle":"baru","display_name":"Baru","kind":"official","unit":"TIDAK-ADA"}"#, 422, "unit"),
                (.POST, "/api/v1/accounts", #"{"platform":"instagram","handle":"baru","display_name":"Baru","kind":"official","unit":"OPD-A","followers":-1}"#, 422, "followers"),
                (.PATCH, "/api/v1/accounts/\(world.account.id!)", #"{"active":"ya"}"#, 400, "active"),
                (.PATCH, "/api/v1/accounts/\(world.accountB.id!)", #"{"display_name":"Curi"}"#, 404, "not_found"),
                (.POST, "/api/v1/users", #"{"name":"A","email":"bukan-email","password":"sandi-panjang-sekali","roles":[{"unit_id":"\#(opdA)","role":"viewer"}]}"#, 422, "email"),
                (.POST, "/api/v1/users", #"{"name":"A","email":"a@uji.go.id","password":"sandi-panjang-sekali","roles":[]}"#, 422, "roles"),
                (.POST, "/api/v1/users", #"{"name":"A","email":"a@uji.go.id","password":"sandi-panjang-sekali","roles":[{"unit_id":"\#(world.unitB)","role":"viewer"}]}"#, 422, "roles[0].unit_id"),
                (.POST, "/api/v1/users", #"{"name":"A","email":"a@uji.go.id","password":"sandi-panjang-sekali","roles":"viewer"}"#, 400, "roles"),
                (.PATCH, "/api/v1/users/\(world.target.id!)", #"{"email":"supervisor-in@uji.go.id"}"#, 422, "email"),
                (.PATCH, "/api/v1/users/\(world.target.id!)", #"{"password":"sandi-baru-panjang"}"#, 422, "password"),
                (.GET, "/api/v1/accounts?limit=0", nil, 400, "limit"),
                (.GET, "/api/v1/accounts?limit=abc", nil, 400, "limit"),
                (.GET, "/api/v1/accounts?cursor=%%%", nil, 400, "cursor"),
                (.GET, "/api/v1/accounts?platform=myspace", nil, 400, "platform"),
                (.PATCH, "/api/v1/units/\(world.units["OPD-A"]!)", #"{"kind":"bagian"}"#, 422, "kind"),
                (.POST, "/api/v1/users", #"{"name":"Nul","email":"nul@uji.go.id","password":"abc\u0000defghijkl","roles":[{"unit_id":"OPD-A","role":"viewer"}]}"#, 422, "password"),
                (.POST, "/api/v1/units", #"{"name":"Baris\nBaru","code":"BAG-NL","kind":"bagian","parent_id":"\#(opdA)"}"#, 422, "name"),
                (.POST, "/api/v1/units", "[1]", 400, "isi permintaan harus bertipe object"),
                (.DELETE, "/api/v1/units", nil, 404, "not_found"),
            ]
            for (method, path, json, status, mention) in cases {
                let before = try await Self.rows(app, world)
                let response = try await app.api(method, path, token: token, json: json)
                #expect(response.status.code == status, "\(method) \(path) \(json ?? "")")
                #expect(response.headers.contentType == .json, "\(method) \(path) JSON error")
                let body = response.body.string
                #expect(body.contains("\"error\"") && body.contains(mention), "\(method) \(path): \(body)")
                #expect(try await Self.rows(app, world) == before, "\(method) \(path) wrote rows")
            }
            // A body over the limit is refused before it is read.
            let huge = #"{"name":""# + String(repeating: "x", count: 300_000) + #""}"#
            let tooLarge = try await app.api(.POST, "/api/v1/units", token: token, json: huge)
            #expect(tooLarge.status == .payloadTooLarge)
        }
    }

    @Test("bad list filters in the web UI are a clear 400, not an empty page")
    func badFilters() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let viewer = try await World.signIn(world.inScope[.viewer]!, app: app)
            for path in ["/accounts?platform=myspace", "/accounts?unit=\(world.unitB)", "/accounts?cursor=xyz", "/audit?from=kemarin"] {
                let response = try await app.web(.GET, path, as: viewer)
                #expect([400, 403].contains(response.status.code), "\(path)")
            }
            let ok = try await app.web(.GET, "/accounts?platform=instagram&q=%25", as: viewer)
            #expect(ok.status == .ok)
        }
    }
}

@Suite("Registry edge cases")
struct RegistryEdgeCaseTests {
    @Test("a staff account stays editable after its owner is deactivated")
    func deactivatedOwner() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let token = try await World.apiToken(world.inScope[.unitAdmin]!, app: app)
            let created = try await app.api(.POST, "/api/v1/accounts", token: token,
                                            json: #"{"platform":"tiktok","handle":"target.asn","display_name":"Target ASN","kind":"staff","unit":"OPD-A","owner":"target@uji.go.id"}"#)
            #expect(created.status == .created)
            let id = try created.content.decode(APIAccount.self).id
            #expect(try await app.api(.PATCH, "/api/v1/users/\(world.target.id!)", token: token, json: #"{"active":false}"#).status == .ok)
            #expect(try await app.api(.PATCH, "/api/v1/accounts/\(id)", token: token, json: #"{"followers":5}"#).status == .ok)
            #expect(try await app.api(.PATCH, "/api/v1/accounts/\(id)", token: token, json: #"{"active":false}"#).status == .ok)
            // A new staff account cannot be given to someone who is no longer active.
            let refused = try await app.api(.POST, "/api/v1/accounts", token: token,
                                            json: #"{"platform":"x","handle":"target_lagi","display_name":"Lagi","kind":"staff","unit":"OPD-A","owner":"target@uji.go.id"}"#)
            #expect(refused.status == .unprocessableEntity)
        }
    }

    @Test("WhatsApp numbers are accepted as people type them")
    func whatsappNumbers() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let response = try await app.web(.POST, "/accounts", as: admin, form: ["platform": "whatsapp", "handle": "0811 2345 678", "display_name": "Layanan Warga", "kind": "official", "unit": world.units["OPD-A"]!.uuidString])
            #expect(response.status == .seeOther)
            let account = try await AccountModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$platform == .whatsapp).first()
            #expect(account?.handle == "+628112345678")
        }
    }

    @Test("blank filter choices submit an empty value, not their label")
    func blankOptions() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let viewer = try await World.signIn(world.inScope[.viewer]!, app: app)
            let page = try await app.web(.GET, "/accounts", as: viewer).body.string
            // `value` with no text is HTML for value="": the browser submits an empty string.
            #expect(page.contains(#"<option value selected="selected">Semua platform</option>"#))
            let query = "q=&unit=&platform=&kind=&status=&show="
            #expect(try await app.web(.GET, "/accounts?" + query, as: viewer).status == .ok)
        }
    }
}

@Suite("CSV upload")
struct CSVUploadTests {
    @Test("an uploaded CSV file is imported, and a non-UTF-8 file is refused clearly")
    func upload() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            func send(_ bytes: [UInt8]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/accounts/import", headers: ["Cookie": admin.cookie]) { req in
                    try req.content.encode(AccountImportForm(file: File(data: ByteBuffer(bytes: bytes), filename: "akun.csv"), text: nil,
                                                             _csrf: admin.csrf), as: .formData)
                }
            }
            let good = Array("platform,handle,display_name,kind,unit\r\ninstagram,unggah.csv,Unggahan,official,OPD-A\r\n".utf8)
            #expect(try await send(good).status == .seeOther)
            #expect(try await AccountModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$handle == "unggah.csv").count() == 1)
            // "Dinas Pekerjaan Umum – Bina Marga" saved as Windows-1252: the dash is byte 0x96.
            let latin = Array("platform,handle,display_name,kind,unit\ninstagram,pu.kota,Dinas PU ".utf8) + [0x96] + Array(" Bina Marga,official,OPD-A\n".utf8)
            let refused = try await send(latin)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("bukan teks UTF-8"))
            #expect(try await AccountModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$handle == "pu.kota").count() == 0)
        }
    }
}

@Suite("Closing units")
struct ClosingUnitTests {
    @Test("a unit closes only when empty, reopens only under an open parent, and closed units take nothing new")
    func closing() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let token = try await World.apiToken(world.inScope[.supervisor]!, app: app)
            let opdA = world.units["OPD-A"]!, bagian = world.units["BAG-A1"]!
            // OPD-A still holds BAG-A1 and an account.
            let refused = try await app.web(.POST, "/units/\(opdA)/deactivate", as: admin)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Masih ada 1 unit aktif di bawahnya"))
            let api = try await app.api(.PATCH, "/api/v1/units/\(opdA)", token: token, json: #"{"active":false}"#)
            #expect(api.status == .unprocessableEntity)
            #expect(try await UnitQueries.find(opdA, tenantID: world.tenantA.id!, on: app.db)?.active == true)

            #expect(try await app.web(.POST, "/units/\(bagian)/deactivate", as: admin).status == .seeOther)
            // A closed unit is not offered and not accepted for new accounts.
            let form = try await app.web(.GET, "/accounts/new", as: admin).body.string
            #expect(!form.contains(bagian.uuidString))
            let onClosed = try await app.web(.POST, "/accounts", as: admin, form: ["platform": "facebook", "handle": "bagian.tutup", "display_name": "Tutup", "kind": "official", "unit": bagian.uuidString])
            #expect(onClosed.status == .unprocessableEntity)

            #expect(try await app.web(.POST, "/accounts/\(world.account.id!)/deactivate", as: admin).status == .seeOther)
            // With BAG-A1 closed and its account deactivated, OPD-A is empty and may close.
            #expect(try await app.api(.PATCH, "/api/v1/units/\(opdA)", token: token, json: #"{"active":false}"#).status == .ok)
            let reopenChild = try await app.web(.POST, "/units/\(bagian)/reactivate", as: admin)
            #expect(reopenChild.status == .unprocessableEntity)
            #expect(reopenChild.body.string.contains("Unit induknya nonaktif"))
            #expect(try await app.web(.POST, "/units/\(opdA)/reactivate", as: admin).status == .seeOther)
            #expect(try await app.web(.POST, "/units/\(bagian)/reactivate", as: admin).status == .seeOther)
            let root = world.units["ROOT"]!
            let rootAdmin = try await World.signIn(try await rootSupervisor(app, world), app: app)
            let top = try await app.web(.POST, "/units/\(root)/deactivate", as: rootAdmin)
            #expect(top.status == .unprocessableEntity)
            #expect(top.body.string.contains("Unit teratas instansi tidak bisa dinonaktifkan"))
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all().map(\.action.rawValue)
            #expect(actions.filter { $0 == "unit.deactivate" }.count == 2 && actions.filter { $0 == "unit.reactivate" }.count == 2)
        }
    }

    func rootSupervisor(_ app: Application, _ world: World) async throws -> UserModel {
        let user = UserModel(tenantID: world.tenantA.id!, name: "Koordinator Pusat", email: "pusat@uji.go.id", nip: nil, phone: nil,
                             passwordHash: "x", at: Date())
        try await user.create(on: app.db)
        try await MembershipModel(tenantID: world.tenantA.id!, userID: user.id!, unitID: world.units["ROOT"]!, role: .supervisor, at: Date()).create(on: app.db)
        return user
    }
}
