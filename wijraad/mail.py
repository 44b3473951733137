"""One helper renders every e-mail: subject, text and HTML, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path=""):
    """The portal's address for `path` (from reverse()), for e-mails and calendar feeds."""
    return settings.PORTAL_URL.rstrip("/") + path


def render_mail(*, template, context, language):
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html` in `language`."""
    with translation.override(language):
        context = {"portal_url": absolute_url(), **context}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return " ".join(subject.split()), text, html


def mail_language(user):
    """The language of the mails to `user`: their preferred one, else the portal's."""
    return getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE


def build_mail(*, user, template, context, headers=None, attachments=()):
    """The e-mail to `user` in the user's preferred language, not sent yet."""
    subject, text, html = render_mail(
        template=template, context={"recipient": user, **context}, language=mail_language(user)
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    return message


def send_mail_to(*, user, template, context, headers=None, attachments=()):
    """Send one e-mail to `user` in the user's preferred language; returns the message sent."""
    message = build_mail(
        user=user, template=template, context=context, headers=headers, attachments=attachments
    )
    message.send()
    return message
