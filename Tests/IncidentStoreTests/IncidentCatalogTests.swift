import VaktTestSupport
import Glibc
import IncidentEngine
import Testing
@testable import IncidentStore

@Suite struct IncidentCatalogTests {
    /// Always draws the same characters, to force ID collisions.
    struct RepeatingGenerator: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    static let opened = Timestamp(year: 2026, month: 11, day: 29, hour: 23, minute: 50, offsetMinutes: 60)!

    @Test func homeFollowsTheContract() {
        #expect(VaktHome.resolve(option: "/x", environment: ["VAKT_HOME": "/y"])?.path == "/x")
        #expect(VaktHome.resolve(option: nil, environment: ["VAKT_HOME": "/y", "XDG_DATA_HOME": "/z"])?.path == "/y")
        #expect(VaktHome.resolve(option: nil, environment: ["XDG_DATA_HOME": "/z", "HOME": "/h"])?.path == "/z/vakt")
        #expect(VaktHome.resolve(option: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])?.path
            == "/h/.local/share/vakt")
        #expect(VaktHome.resolve(option: nil, environment: [:]) == nil)
    }

    @Test func idsAreReadableUniqueAndUseTheLocalDay() throws {
        var random = SystemRandomNumberGenerator()
        let id = IncidentID.make(playbookID: "ransomware", date: Self.opened, using: &random)
        #expect(id.rawValue.hasPrefix("20261129-ransomware-") && id.rawValue.count == 23)
        // 23:50 at +01:00 on the 29th is the 29th, although it is the 29th 22:50 UTC; 00:30 local is the next day.
        let afterMidnight = Timestamp(year: 2026, month: 11, day: 30, hour: 0, minute: 30, offsetMinutes: 60)!
        #expect(IncidentID.make(playbookID: "x", date: afterMidnight, using: &random).rawValue.hasPrefix("20261130-x-"))
        #expect(IncidentID("20261129-ransomware-7k3") != nil)
        for bad in ["", "../etc", "a/b", "Ab", "-x", "a b", "ø"] { #expect(IncidentID(bad) == nil, "\(bad)") }
        #expect(IncidentID.slug("Løse Penger!") == "l--se-penger")
    }

    @Test func createMakesPrivateFoldersAndRetriesACollision() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let catalog = IncidentCatalog(home: VaktHome(path: folder.path + "/deep/home"))
        let playbook = Array("playbook: ransomware\ntitle: T\n".utf8)
        let previous = umask(0o022)
        defer { umask(previous) }
        var same = RepeatingGenerator(value: 7)
        let first = try catalog.create(
            playbookID: "ransomware", playbookBytes: playbook, opened: Self.opened, using: &same).folder
        // 7 draws '0' (the first ID is "…-000"); UInt64.max draws 'z', never '0', so the retry cannot collide again.
        var mixed = MixedGenerator(first: 7, count: 3, then: .max)
        let second = try catalog.create(
            playbookID: "ransomware", playbookBytes: playbook, opened: Self.opened, using: &mixed).folder
        #expect(first.id != second.id)
        for path in [folder.path + "/deep/home", catalog.home.incidentsPath, first.path] {
            #expect(Files.mode(path) == 0o700, "\(path)")
        }
        #expect(Files.mode(first.playbookPath) == 0o600 && Files.mode(first.journalPath) == 0o600)
        #expect(Files.read(first.playbookPath) == playbook)
        #expect(try catalog.ids() == [first.id, second.id].sorted())
    }

    /// An exercise keeps a byte-exact, private copy of its scenario beside the
    /// playbook's, so its review reads the script it was run from.
    @Test func anExerciseKeepsItsScenarioCopy() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let catalog = IncidentCatalog(home: VaktHome(path: folder.path))
        let scenario = Array("scenario: s\ntitle: Øvelse\nplaybook: p\n".utf8)
        let exercise = try catalog.create(
            playbookID: "p", playbookBytes: [0x41], scenarioBytes: scenario, opened: Self.opened).folder
        #expect(try exercise.scenarioBytes() == scenario)
        #expect(Files.mode(exercise.scenarioPath) == 0o600)
        let incident = try catalog.create(playbookID: "p", playbookBytes: [0x41], opened: Self.opened).folder
        #expect(try incident.scenarioBytes() == nil)
    }

    /// Draws `first` `count` times (to collide with an existing ID), then `then`.
    struct MixedGenerator: RandomNumberGenerator {
        var first: UInt64
        var count: Int
        var then: UInt64
        mutating func next() -> UInt64 {
            guard count > 0 else { return then }
            count -= 1
            return first
        }
    }

    @Test func prefixesResolveToOneIncidentOrSayWhy() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let catalog = IncidentCatalog(home: VaktHome(path: folder.path))
        for name in ["20261129-ransomware-aaa", "20261129-ransomware-aab", "20261130-phishing-x1z"] {
            try IncidentCatalog.makeFolders(catalog.home.incidentsPath + "/" + name)
        }
        #expect(try catalog.resolve("20261130").id.rawValue == "20261130-phishing-x1z")
        #expect(try catalog.resolve("20261129-ransomware-aab").id.rawValue == "20261129-ransomware-aab")
        #expect(throws: StoreError.ambiguousIncident(
            "20261129", matches: ["20261129-ransomware-aaa", "20261129-ransomware-aab"])) { try catalog.resolve("20261129") }
        #expect(throws: StoreError.noSuchIncident("2027")) { try catalog.resolve("2027") }
        #expect(throws: StoreError.noSuchIncident("")) { try catalog.resolve("") }
        #expect(throws: StoreError.noSuchIncident("../x")) { try catalog.resolve("../x") }

        symlink(folder.path, catalog.home.incidentsPath + "/20261201-link-abc")
        #expect(throws: StoreError.symbolicLink(path: catalog.home.incidentsPath + "/20261201-link-abc")) {
            try catalog.resolve("20261201")
        }
    }

    @Test func theMostRecentOpenIncidentIsFoundWithoutAnID() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let catalog = IncidentCatalog(home: VaktHome(path: folder.path))
        #expect(throws: StoreError.noOpenIncident) { try catalog.mostRecentOpen() }
        var made: [IncidentFolder] = []
        for hour in [1, 3, 2] {
            let time = Timestamp(year: 2026, month: 11, day: 29, hour: hour, offsetMinutes: 60)!
            let (incident, journal) = try catalog.create(playbookID: "ransomware", playbookBytes: [0x41], opened: time)
            var opening = Samples.incident[0]
            opening.occurred = time
            try journal.append([opening])
            made.append(incident)
        }
        #expect(try catalog.mostRecentOpen() == made[1])
        try made[1].openJournal().append([Samples.record(.incidentClosed(note: nil), minute: 300)])
        #expect(try catalog.mostRecentOpen() == made[2])
    }

    /// The newest-day-first search: an ID's day is a local date, so an incident filed under the day before
    /// can have been opened later (in UTC) than one filed under the next day, and is still found; a name
    /// without a day is always read; and a day too old to hold the answer is not read at all.
    @Test func theMostRecentSearchReadsNewestDaysFirstAndStops() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let catalog = IncidentCatalog(home: VaktHome(path: folder.path))
        func make(_ name: String, opened: Timestamp) throws -> IncidentFolder {
            let incident = catalog.folder(IncidentID(name)!)
            mkdir(catalog.home.incidentsPath, 0o700)
            mkdir(incident.path, 0o700)
            var opening = Samples.incident[0]
            opening.occurred = opened
            try Journal(path: incident.journalPath, create: true).append([opening])
            return incident
        }
        // 23:30 on the 29th at -12:00 is 11:30 UTC on the 30th; 12:00 on the 30th at +14:00 is 22:00 UTC on the 29th.
        let lateWest = Timestamp(year: 2026, month: 11, day: 29, hour: 23, minute: 30, offsetMinutes: -720)!
        let noonEast = Timestamp(year: 2026, month: 11, day: 30, hour: 12, offsetMinutes: 840)!
        let west = try make("20261129-ransomware-wst", opened: lateWest)
        _ = try make("20261130-ransomware-est", opened: noonEast)
        #expect(try catalog.mostRecentOpen() == west)

        let december = Timestamp(year: 2026, month: 12, day: 1, hour: 9, offsetMinutes: 60)!
        let undated = try make("ovelse-kari", opened: december)
        #expect(try catalog.mostRecentOpen() == undated)

        // A name whose day is years before its opening (no vakt makes one) lies beyond where the search stops.
        let christmas = Timestamp(year: 2026, month: 12, day: 24, hour: 9, offsetMinutes: 60)!
        _ = try make("20200101-ransomware-old", opened: christmas)
        #expect(try catalog.mostRecentOpen() == undated)
    }
}
