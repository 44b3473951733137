"""Checking a sent e-mail: every message has a text and an HTML part, and both must say it."""

import html


def html_part(message):
    """The HTML alternative of `message` (it must have one)."""
    parts = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert parts, f"{message.subject!r} has no HTML part"
    return parts[0]


def assert_mail(message, *texts):
    """Each of `texts` is in the text part and in the HTML part of `message` (there as HTML)."""
    body = html.unescape(html_part(message))
    for text in texts:
        assert text in message.body, f"{text!r} is not in the text part"
        assert text in body, f"{text!r} is not in the HTML part"
