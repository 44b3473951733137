#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijraad.settings")
    # Tells the settings which command runs: a command that serves nothing (makemigrations,
    # migrate, collectstatic...) needs no production secrets; a server still does.
    os.environ.setdefault("WIJRAAD_COMMAND", sys.argv[1] if len(sys.argv) > 1 else "help")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
