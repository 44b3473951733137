"""Celery tasks: thin wrappers around year.services (explicit names; schedule in wijraad.celery)."""

from celery import shared_task

from year import services


@shared_task(name="year.recruitment_retention")
def recruitment_retention():
    return services.retention_run()
