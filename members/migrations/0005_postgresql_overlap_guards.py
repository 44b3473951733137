"""On PostgreSQL, let the database itself refuse overlapping periods that the services refuse:

- two terms of one person sharing a day;
- two holders of the same council office (chair, vice-chair, secretary) sharing a day.

Exclusion constraints on half-open date ranges need the btree_gist extension (a trusted
extension since PostgreSQL 13: the database owner may create it). SQLite has no such
constraint; there the services' checks under the council lock are the guard.
"""

from django.db import migrations

CONSTRAINTS = [
    (
        "members_term",
        "term_no_overlap_per_person",
        """EXCLUDE USING gist (person_id WITH =, daterange("start", "end", '[)') WITH &&)""",
    ),
    (
        "members_office",
        "office_one_holder_at_a_time",
        """EXCLUDE USING gist (role WITH =, daterange("start", "end", '[)') WITH &&)
        WHERE (role IN ('chair', 'vice_chair', 'secretary'))""",
    ),
]


def add_guards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for table, name, definition in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")


def remove_guards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name, _definition in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0004_seed_rules_and_declaration"),
    ]

    operations = [
        migrations.RunPython(add_guards, remove_guards),
    ]
