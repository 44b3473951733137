"""Production start-up: clear refusals without secrets, and a clean deploy check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_env(env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "MFA_ENCRYPTION_KEY",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "WIJRAAD_COMMAND",
        }
    }
    base["DJANGO_SETTINGS_MODULE"] = "wijraad.settings"
    base.update(env)
    return base


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def start_web_server(env):
    """What gunicorn does first: load the WSGI application."""
    return subprocess.run(
        [sys.executable, "-c", "import wijraad.wsgi"],
        cwd=ROOT,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_secret_key_stops_start_up_with_a_clear_message(tmp_path):
    result = start_web_server({"ALLOWED_HOSTS": "example.org", "VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_missing_allowed_hosts_stops_start_up_with_a_clear_message(tmp_path):
    result = start_web_server({"SECRET_KEY": "k" * 60, "VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_missing_mfa_encryption_key_stops_start_up_with_a_clear_message(tmp_path):
    result = start_web_server(
        {"SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "example.org", "VAR_DIR": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY is not set" in result.stderr


def test_an_invalid_mfa_encryption_key_stops_start_up(tmp_path):
    result = start_web_server(
        {
            "SECRET_KEY": "k" * 60,
            "ALLOWED_HOSTS": "example.org",
            "MFA_ENCRYPTION_KEY": "te-kort",
            "VAR_DIR": str(tmp_path),
        }
    )
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY is not a valid key" in result.stderr


def test_the_web_server_starts_with_every_secret(tmp_path):
    from cryptography.fernet import Fernet

    result = start_web_server(
        {
            "SECRET_KEY": "k" * 60,
            "ALLOWED_HOSTS": "example.org",
            "MFA_ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "VAR_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stderr


def test_the_development_server_also_needs_the_secrets(tmp_path):
    result = start_web_server({"VAR_DIR": str(tmp_path), "WIJRAAD_COMMAND": "runserver"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_commands_that_serve_nothing_need_no_secrets(tmp_path):
    result = run_manage("makemigrations", "--check", "--dry-run", env={"VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_debug_runs_without_secret_key(tmp_path):
    result = run_manage("check", env={"DEBUG": "1", "VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr


def test_deploy_check_reports_nothing(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SECRET_KEY": "a-long-random-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "wijraad.example.org",
            "VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_old_names_of_the_proof_of_work_settings_are_not_read(tmp_path):
    """Only the names the README lists count: SIGNAL_CHALLENGE_* was an alias, now gone."""
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; "
        "print(settings.PUBLIC_FORM_CHALLENGE_MAX_NUMBER, settings.PUBLIC_FORM_CHALLENGE_SECONDS)",
        env={
            "DEBUG": "1",
            "VAR_DIR": str(tmp_path),
            "SIGNAL_CHALLENGE_MAX_NUMBER": "7",
            "SIGNAL_CHALLENGE_SECONDS": "9",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["50000", "1800"]
