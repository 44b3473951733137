"""The members app's pages, by sub-domain (the same names as members.models and
members.services): `membership` (people, terms, offices, board positions, the confidentiality
declaration, the term schedule), `invitations`, `documents`, and `account` (one's own account)."""
