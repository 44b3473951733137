# Residents' signals: intake, triage, links and retention (see docs/architecture.md).
