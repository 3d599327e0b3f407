import IncidentEngine
import RunnerUI

/// The start screen with two open incidents and the shipped playbooks' titles.
enum StartScenes {
    static func screen(language: UILanguage) -> StartScreen {
        StartScreen(
            incidents: [
                IncidentListing(
                    id: "20261129-ransomware-7k3", title: "Kryptert filserver i Rådhuset",
                    playbookTitle: "Løsepengevirus (ransomware)", openedAt: Fixtures.openedAt,
                    currentStep: "Varsle hendelsesleder"),
                IncidentListing(
                    id: "20261128-kontokapring-q2x", title: "Øvelse: kapret e-postkonto",
                    playbookTitle: "Kontokapring", openedAt: Fixtures.at(minutes: -1_440), isExercise: true),
            ],
            playbooks: [
                PlaybookListing(id: "forste-time", title: "Første time: noe er galt"),
                PlaybookListing(id: "ransomware", title: "Løsepengevirus (ransomware)"),
                PlaybookListing(id: "personvernbrudd", title: "Brudd på personopplysningssikkerheten"),
                PlaybookListing(id: "kontokapring", title: "Kapret konto"),
                PlaybookListing(id: "fakturasvindel", title: "Fakturasvindel og direktørsvindel"),
                PlaybookListing(id: "tjenestenekt", title: "Tjenestenektangrep (DDoS)"),
                PlaybookListing(id: "tapt-enhet", title: "Tapt eller stjålet enhet"),
                PlaybookListing(id: "leverandor", title: "Hendelse hos leverandør"),
                PlaybookListing(id: "innsider", title: "Innsidehendelse"),
            ],
            language: language, colors: false, now: Fixtures.at(minutes: 31))
    }
}
