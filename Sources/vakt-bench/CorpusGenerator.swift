/// Builds large, realistic `.playbook` files in memory for the parser benchmark.
///
/// The output is deterministic for a seed: every step draws from its own
/// generator seeded by (seed, step index), so a step's bytes do not depend on
/// how many steps come before it, and a corpus can be sized to a byte target
/// by first measuring how large steps are on average.
///
/// Every construct of the format appears: comments, top-level fields and a
/// `summary: |` block with a blank line, comma lists, roles, deadlines with
/// `from`/`until`/`warn`/`ref`, `x-` extension fields (plain and with a list)
/// at the top, in phases, deadlines and steps, all seven stages, and steps with
/// `role`, `expect`, `do` (one line or a text block with paragraphs), `check`,
/// `run` (with `#` lines and shell quoting), `record`, `ask` with options that
/// point forward, backward, to `next` and to `end`, `notify`, `ref` and `tags`.
///
/// The result lints with no errors and no warnings: every decision keeps a way
/// on (the next step, by `next` or by its id), so every step is reachable and
/// every loop has a way out.
struct CorpusGenerator {
    /// The benchmark sizes. MB here is 10^6 bytes, as in MB/s.
    enum Size: String, CaseIterable {
        case small = "100KB"
        case medium = "1MB"
        case large = "10MB"

        var targetBytes: Int {
            switch self {
            case .small: 100_000
            case .medium: 1_000_000
            case .large: 10_000_000
            }
        }
    }

    var seed: UInt64 = 0x7661_6B74_2026  // "vakt" 2026

    /// A playbook of about `targetBytes` bytes (within a few per cent).
    func playbook(targetBytes: Int) -> [UInt8] {
        var header = ByteWriter(capacity: 8192)
        writeHeader(into: &header, totalSteps: 1_000)  // step references do not change its size much
        var sample = ByteWriter(capacity: 1 << 20)
        let sampleCount = 400
        for index in 0..<sampleCount { writeStep(index, total: Int.max / 2, into: &sample) }
        let averageStep = max(1, sample.bytes.count / sampleCount)
        let phaseHeaders = Self.stages.count * 120
        let total = max(Self.stages.count * 2, (targetBytes - header.bytes.count - phaseHeaders) / averageStep)

        var writer = ByteWriter(capacity: targetBytes + targetBytes / 8 + 16_384)
        writeHeader(into: &writer, totalSteps: total)
        for (phaseIndex, stage) in Self.stages.enumerated() {
            let first = phaseIndex * total / Self.stages.count
            let end = (phaseIndex + 1) * total / Self.stages.count
            writePhase(phaseIndex, stage: stage, into: &writer)
            for index in first..<end { writeStep(index, total: total, into: &writer) }
        }
        return writer.bytes
    }

    // MARK: Ids

    /// The id of step `index`: unique by its number, readable by its verb.
    func stepID(_ index: Int) -> String {
        "s\(index)-" + Self.actions[actionIndex(index)].slug
    }

    private func actionIndex(_ index: Int) -> Int {
        var generator = SeededGenerator(seed: seed ^ 0x6964, stream: UInt64(index))  // "id"
        return generator.below(Self.actions.count)
    }

    private func stepGenerator(_ index: Int) -> SeededGenerator {
        SeededGenerator(seed: seed, stream: UInt64(index))
    }

    // MARK: Sections

    private func writeHeader(into writer: inout ByteWriter, totalSteps: Int) {
        var random = SeededGenerator(seed: seed)
        writer.line(0, "# Syntetisk playbook for ytelsesmåling (vakt-bench). Generert, ikke redigér for hånd.")
        writer.line(0, "# Løsepengevirus i en mellomstor norsk kommune: skoler, helse og omsorg, økonomi.")
        writer.line(0, "playbook: syntetisk-ransomware")
        writer.line(0, "title: Løsepengevirus i kommunens fellestjenester (syntetisk)")
        writer.line(0, "lang: nb")
        writer.line(0, "version: 2026.\(random.below(9) + 1)")
        writer.line(0, "owner: Informasjonssikkerhetsleder i Nordre Fjellbygd kommune")
        writer.line(0, "tags: ransomware, løsepengevirus, T1486, NSM 2.9, NSM 4.2, NSM 4.3, særlige kategorier")
        writer.line(0, "summary: |")
        writer.line(2, "Bruk når filer blir kryptert, filer får nye endelser eller en")
        writer.line(2, "løsepengemelding dukker opp på skjermene i rådhuset eller på skolene.")
        writer.blank()
        writer.line(2, "Mål: verne liv og helse, stanse spredningen, sikre spor, varsle i tide")
        writer.line(2, "og gjenopprette fra rene kopier. Skriv ut playbooken på forhånd.")
        writer.line(0, "ref: https://nsm.no/grunnprinsipper-ikt")
        writer.line(0, "x-kommune: Nordre Fjellbygd kommune (4299)")
        writer.line(0, "x-revisjoner:")
        writer.line(2, "- 2025-03-01 Første utgave etter øvelse med KommuneCERT")
        writer.line(2, "- 2026-01-15 Oppdatert etter ROS-analyse for helse og omsorg")
        writer.blank()
        writer.line(0, "roles:")
        for role in Self.roles { writer.line(2, "- \(role.id): \(role.name)") }
        writer.blank()

        let late = max(1, totalSteps - 1)
        writer.line(0, "deadline datatilsynet: Avviksmelding til Datatilsynet")
        writer.line(2, "within: 72h")
        writer.line(2, "from: \(stepID(min(late, totalSteps / 7)))")
        writer.line(2, "until: \(stepID(min(late, totalSteps / 3)))")
        writer.line(2, "warn: 12h")
        writer.line(2, "ref: GDPR art. 33")
        writer.line(0, "deadline kommunecert: Varsle KommuneCERT og NSM")
        writer.line(2, "within: 1d")
        writer.line(2, "until: \(stepID(min(late, totalSteps / 5)))")
        writer.line(2, "warn: 4h")
        writer.line(2, "x-kanal: Telefon først, deretter e-post fra reservekonto")
        writer.line(0, "deadline pressemelding: Første melding til innbyggerne")
        writer.line(2, "within: 2h30m")
        writer.line(2, "from: \(stepID(0))")
        writer.line(2, "warn: 45m")
        writer.blank()
    }

    private func writePhase(_ index: Int, stage: String, into writer: inout ByteWriter) {
        if index > 0 {
            writer.line(0, "# ——— \(Self.phaseTitles[index]) ———")
        }
        writer.line(0, "phase \(stage): \(Self.phaseTitles[index])")
        if index % 2 == 0 {
            writer.line(2, "x-ansvarlig: \(Self.roles[index % Self.roles.count].name)")
        }
    }

    private func writeStep(_ index: Int, total: Int, into writer: inout ByteWriter) {
        var random = stepGenerator(index)
        let action = Self.actions[actionIndex(index)]
        let object = random.pick(Self.objects)
        let variant = index % 8  // makes sure every kind of step occurs in every phase

        if random.chance(10) {
            writer.line(2, "# Merknad: \(random.pick(Self.remarks))")
        }
        writer.line(2, "step \(stepID(index)): \(action.verb) \(object)")
        if variant != 7 || random.chance(50) {
            writer.line(4, "role: \(random.pick(Self.roles).id)")
        }
        if random.chance(60) {
            writer.line(4, "expect: \(random.pick(Self.durations))")
        }
        if variant == 3 {
            writer.line(4, "do: \(sentence(&random, object: object))")
        } else {
            writer.line(4, "do: |")
            paragraph(&random, sentences: 2 + random.below(4), indent: 6, into: &writer)
            if random.chance(35) {
                writer.blank()
                paragraph(&random, sentences: 1 + random.below(3), indent: 6, into: &writer)
            }
        }
        if variant % 2 == 0 || random.chance(30) {
            writer.line(4, "check:")
            var items: [String] = []
            for _ in 0..<(2 + random.below(4)) {
                let item = checkItem(&random)
                if !items.contains(item) { items.append(item) }
            }
            for item in items { writer.line(6, "- " + item) }
        }
        if variant == 5 {
            writer.line(4, "run: |")
            writer.line(6, "# Vises for kopiering, kjøres aldri av vakt")
            for _ in 0..<(1 + random.below(3)) {
                writer.line(6, random.pick(Self.commands))
            }
        }
        if variant == 1 || random.chance(15) {
            writer.line(4, "record: \(random.pick(Self.records))")
        }
        if variant == 2 || variant == 6 || random.chance(10) {
            writeDecision(index, total: total, object: object, &random, into: &writer)
        }
        if variant == 4 || random.chance(10) {
            let count = 1 + random.below(3)
            let contacts = (0..<count).map { Self.contacts[(index + $0 * 3) % Self.contacts.count] }
            writer.line(4, "notify: " + contacts.joined(separator: ", "))
        }
        if random.chance(15) {
            writer.line(4, "ref: \(random.pick(Self.references))")
        }
        if random.chance(15) {
            writer.line(4, "tags: \(random.pick(Self.tagSets))")
        }
        if index % 50 == 7 {
            writer.line(4, "x-kostnadssted: \(1000 + random.below(9000))")
        }
        if index % 97 == 11 {
            writer.line(4, "x-vedlegg:")
            writer.line(6, "- Skjema for avviksmelding (PDF)")
            writer.line(6, "- Mal for pressemelding på nynorsk og bokmål")
        }
        writer.blank()
    }

    /// `ask:` with options to the next step, sometimes forward, backward and to the end.
    private func writeDecision(_ index: Int, total: Int, object: String, _ random: inout SeededGenerator,
                               into writer: inout ByteWriter) {
        var labels = Self.labels
        var options: [String] = []
        func label() -> String { labels.remove(at: random.below(labels.count)) }

        // The way on: always present, so every step stays reachable and reaches the end.
        if index + 1 >= total {
            options.append("\(label()) -> end")
        } else if random.chance(50) {
            options.append("\(label()) -> next")
        } else {
            options.append("\(label()) -> \(stepID(index + 1))")
        }
        let forward = index + 2 + random.below(40)
        if forward < total {
            options.append("\(label()) -> \(stepID(forward))")
        }
        let backward = index - 1 - random.below(60)
        if backward >= 0, random.chance(70) {
            options.append("\(label()) -> \(stepID(backward))")
        }
        if options.count < 2 || random.chance(15) {
            options.append("\(label()) -> end")
        }
        // Keep the way on first or not, as people write them.
        if random.chance(40) { options.swapAt(0, options.count - 1) }

        writer.line(4, "ask: \(Self.fill(random.pick(Self.questions), with: object))")
        for option in options { writer.line(6, "- " + option) }
    }

    // MARK: Text

    private func sentence(_ random: inout SeededGenerator, object: String) -> String {
        if random.chance(25) { return random.pick(Self.standalone) }
        return "\(random.pick(Self.subjects)) \(random.pick(Self.verbs)) \(object) \(random.pick(Self.tails))"
    }

    /// A paragraph of sentences, wrapped at about 72 columns.
    private func paragraph(_ random: inout SeededGenerator, sentences: Int, indent: Int, into writer: inout ByteWriter) {
        var line = ""
        var width = 0
        for _ in 0..<sentences {
            let text = sentence(&random, object: random.pick(Self.objects))
            for word in text.split(separator: " ") {
                let wordWidth = word.unicodeScalars.count
                if width > 0, width + 1 + wordWidth > 72 {
                    writer.line(indent, line)
                    line = ""
                    width = 0
                }
                if width > 0 {
                    line += " "
                    width += 1
                }
                line += word
                width += wordWidth
            }
        }
        if width > 0 { writer.line(indent, line) }
    }

    private func checkItem(_ random: inout SeededGenerator) -> String {
        if random.chance(40) { return random.pick(Self.checks) }
        let object = random.pick(Self.objects)
        return object.prefix(1).uppercased() + object.dropFirst() + " er " + random.pick(Self.states)
    }

    /// The template with `{}` replaced by `object`.
    private static func fill(_ template: String, with object: String) -> String {
        template.split(separator: "{}", omittingEmptySubsequences: false).joined(separator: object)
    }

    // MARK: Vocabulary

    static let stages = ["preparation", "detection", "containment", "eradication", "recovery", "normal", "lessons"]
    static let phaseTitles = [
        "Forberede og øve", "Oppdage og vurdere", "Begrense skaden", "Fjerne årsaken",
        "Gjenopprette tjenestene", "Tilbake til normal drift", "Lære av hendelsen",
    ]
    static let roles: [(id: String, name: String)] = [
        ("lead", "Hendelsesleder"), ("oncall", "IKT-vakt"), ("dpo", "Personvernombud"),
        ("comms", "Kommunikasjonsansvarlig"), ("management", "Kommunedirektør / kriseledelse"),
        ("security", "Informasjonssikkerhetsleder"), ("supplier", "Driftsleverandør"),
    ]
    static let contacts = ["kommunecert", "nsm", "politiet", "datatilsynet", "leverandor-ikt", "forsikring", "kriseledelse"]
    static let durations = ["45s", "5m", "15m", "30m", "1h", "1h30m", "2h", "4h", "1d", "1d12h", "2d"]
    static let actions: [(slug: String, verb: String)] = [
        ("isoler", "Isoler"), ("vurder", "Vurder"), ("varsle", "Varsle om"), ("sikre", "Sikre"),
        ("kontroller", "Kontroller"), ("dokumenter", "Dokumenter"), ("gjenopprett", "Gjenopprett"),
        ("stans", "Stans"), ("blokker", "Blokker"), ("bytt", "Bytt nøkler for"), ("meld", "Meld avvik for"),
        ("informer", "Informer om"), ("analyser", "Analyser"), ("overvak", "Overvåk"), ("evaluer", "Evaluer"),
        ("koordiner", "Koordiner arbeidet med"),
    ]
    static let objects = [
        "berørte maskiner", "fellesområdene på filserveren", "e-postkontoen til økonomisjefen",
        "sikkerhetskopiene", "brannmurreglene", "tilgangen for leverandøren", "loggene fra domenekontrolleren",
        "passordene til tjenestekontoene", "læringsplattformen på skolene", "journalsystemet i hjemmetjenesten",
        "innbyggertorget", "sak- og arkivsystemet", "VPN-tilgangen", "mobiltelefonene til ledergruppen",
        "lønnssystemet", "velferdsteknologien på sykehjemmet", "nettsidene til kommunen", "skrivere på rådhuset",
    ]
    static let subjects = [
        "IKT-vakten", "Hendelseslederen", "Personvernombudet", "Den som har vakt", "Leverandøren",
        "Kriseledelsen", "Kommunikasjonsrådgiveren", "Fagsystemansvarlig", "Økonomisjefen",
    ]
    static let verbs = [
        "går gjennom", "sjekker", "noterer tilstanden til", "sørger for å sikre", "avklarer med leverandøren",
        "dokumenterer", "vurderer", "følger opp", "kontrollerer", "får oversikt over",
    ]
    static let tails = [
        "før noe slås av.", "så raskt som mulig.", "og skriver ned klokkeslettet.", "i samråd med hendelseslederen.",
        "uten å slette spor.", "og melder fra i loggboka.", "før fristen løper ut.", "slik at ingen data går tapt.",
        "på tvers av alle enhetene i kommunen.", "og varsler dersom noe avviker fra det normale.",
        "sammen med sikkerhetsleder og personvernombud.", "og sørger for at endringen er godkjent.",
    ]
    static let standalone = [
        "Husk at minnet kan inneholde spor etter angriperen.", "Ikke betal løsepenger.",
        "Bruk reservetelefonen dersom Teams er nede.", "Skriv ned hvem som har fått beskjed, og når.",
        "Gjør én ting om gangen og kvitter ut i vakt.", "Kontakt KommuneCERT ved tvil.",
        "Ta vare på alle e-poster fra angriperen.", "Sørg for at pårørende og brukere får korrekt informasjon.",
        "Slå ikke av maskiner som kan være berørt: strømbrudd sletter spor i minnet.",
        "Trekk heller ut nettverkskabelen enn å slå av maskinen.",
    ]
    static let checks = [
        "Tidspunktet er notert i loggboka", "Skjermbilde av løsepengemeldingen er tatt",
        "Leverandøren har bekreftet at tiltaket er gjort", "Ledelsen er orientert",
        "Personvernombudet er informert", "Endringen er ført i avvikssystemet",
        "Sikkerhetskopien er kontrollert fri for skadevare", "Administratorpassord er byttet",
        "Beredskapsloggen er oppdatert", "Brukerne på skolene har fått beskjed",
    ]
    static let states = ["kontrollert", "sikret", "dokumentert", "låst ned", "gjennomgått", "frakoblet", "gjenopprettet"]
    static let records = [
        "Berørte maskiner og brukere", "Klokkeslett og hvem som ble varslet", "Saksnummer fra politiet",
        "Hva som ble isolert, og når", "Referanse til avviksmeldingen i Altinn", "Navn på kontaktperson hos leverandøren",
    ]
    static let questions = [
        "Er {} berørt?", "Har angriperen fortsatt tilgang til {}?", "Kan personopplysninger i {} være på avveie?",
        "Fungerer {} som normalt?", "Trenger dere hjelp utenfra for {}?", "Er det tegn til ny aktivitet?",
        "Er sikkerhetskopien av {} ren?",
    ]
    static let labels = ["Ja", "Nei", "Usikker", "Delvis", "Vet ikke ennå", "Ja, og det haster", "Falsk alarm", "Må sjekkes på nytt"]
    static let commands = [
        "Disable-NetAdapter -Name \"Ethernet\" -Confirm:$false",
        "Get-ADUser -Filter 'Enabled -eq $true' | Export-Csv brukere-før.csv",
        "ssh drift@brannmur01 'show log | match 10.20.'",
        "vssadmin list shadows > skyggekopier.txt",
        "grep -c 'Failed password' /var/log/auth.log",
        "Set-ADAccountPassword -Identity svc-backup -Reset",
    ]
    static let remarks = [
        "gjelder også skolene og barnehagene.", "avtal med leverandøren før dette gjøres om natten.",
        "øvd i tabletop-øvelsen i mars; tok 40 minutter.", "rekkefølgen her er viktig.",
        "les hele steget før du begynner.",
    ]
    static let references = [
        "https://nsm.no/fagomrader/digital-sikkerhet/", "NSM grunnprinsipper 4.3", "GDPR art. 33 og 34",
        "https://www.datatilsynet.no/avvik", "Kommunens ROS-analyse, kapittel 5", "Beredskapsplan for IKT, vedlegg B",
    ]
    static let tagSets = ["NSM 4.2", "T1486, T1490", "personvern, GDPR", "skole, oppvekst", "helse, omsorg", "økonomi"]
}
