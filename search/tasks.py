from celery import shared_task

from search import services


@shared_task(name="search.extract_file_text", ignore_result=True)
def extract_file_text(kind, object_id):
    """Read an uploaded paper's text into its search document (search.services); idempotent."""
    services.search_file_text_store(kind=kind, object_id=object_id)
