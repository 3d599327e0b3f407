import VaktCLI
Vakt.runAndExit()
