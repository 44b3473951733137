"""Encrypt the two-step verification secrets stored before they were encrypted at rest.

TOTP secrets and recovery-code seeds written by allauth's default adapter are plain text; the
portal's adapter (members.adapters.MFAAdapter) reads only encrypted ones. Needs MFA_ENCRYPTION_KEY
when there is anything to encrypt.
"""

from django.db import migrations

FIELDS = {"totp": ["secret"], "recovery_codes": ["seed"]}


def _rewrite(apps, change):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=FIELDS).iterator():
        data = dict(authenticator.data)
        for field in FIELDS[authenticator.type]:
            if field in data:
                data[field] = change(data[field])
        if "migrated_codes" in data:
            data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def encrypt(apps, schema_editor):
    from members.adapters import encrypt_secret, is_encrypted

    _rewrite(apps, lambda value: value if is_encrypted(value) else encrypt_secret(value))


def decrypt(apps, schema_editor):
    from members.adapters import decrypt_secret, is_encrypted

    _rewrite(apps, lambda value: decrypt_secret(value) if is_encrypted(value) else value)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_document_library"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt, decrypt)]
