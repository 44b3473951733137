"""The Dutch catalogue is complete: nothing missing, nothing fuzzy, nothing left untranslated."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", "var", ".git", ".ruff_cache", "__pycache__"}


def dutch_catalogues(root):
    return sorted(
        path
        for path in root.glob("**/locale/nl/LC_MESSAGES/django.po")
        if not SKIP_DIRS.intersection(path.relative_to(root).parts)
    )


def test_there_are_dutch_catalogues():
    catalogues = [p.relative_to(ROOT).as_posix() for p in dutch_catalogues(ROOT)]
    assert "locale/nl/LC_MESSAGES/django.po" in catalogues
    assert "wijraad/locale/nl/LC_MESSAGES/django.po" in catalogues


@pytest.mark.parametrize("path", dutch_catalogues(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_dutch_entry_is_translated_and_not_fuzzy(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{path}: no Dutch for {untranslated}"
    assert not fuzzy, f"{path}: fuzzy (unchecked) Dutch for {fuzzy}"


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """Extract the strings afresh in a copy of the project: nothing may be missing."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*SKIP_DIRS, "*.mo"))
    env = {"DEBUG": "1", "VAR_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-obsolete"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for fresh_path in dutch_catalogues(copy):
        original = ROOT / fresh_path.relative_to(copy)
        assert original.exists(), f"{original.relative_to(ROOT)} is missing"
        wanted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(fresh_path))}
        have = {(e.msgctxt, e.msgid) for e in polib.pofile(str(original)) if not e.obsolete}
        missing = sorted(msgid for _ctxt, msgid in wanted - have)
        assert not missing, f"{original.relative_to(ROOT)} lacks: {missing}"


def test_one_source_string_has_one_dutch_translation():
    """Django merges the apps' catalogues into one: a string translated two ways shows only one of
    them everywhere (the first app's). Where the meaning differs, the code gives it a context."""
    translations = {}
    for path in dutch_catalogues(ROOT):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgstr:
                continue
            key = (entry.msgctxt, entry.msgid)
            translations.setdefault(key, {}).setdefault(entry.msgstr, []).append(
                str(path.relative_to(ROOT))
            )
    twice = {key[1]: found for key, found in translations.items() if len(found) > 1}
    assert not twice, f"translated in more than one way: {twice}"
