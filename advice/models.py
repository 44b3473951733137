# Advice dossiers, their life cycle and the board's answers (see docs/architecture.md).
