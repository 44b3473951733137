"""Reactions to other apps' events (never a module called signals.py: that is this app's name)."""
