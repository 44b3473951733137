from django.core.management.base import BaseCommand
from django.db import transaction

from search.services import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search index from every searchable object (after loading data in bulk)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = search_reindex()
        self.stdout.write(f"{count} objects indexed.")
