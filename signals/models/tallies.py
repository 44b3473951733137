"""Monthly counts of signals by theme and by location, kept beside the signals so the trends page
reads a few thousand rows at most (120 months × themes, × locations), however many signals there
are. Kept by signals.services.tallies: +1 when a signal is stored, moved when its theme or place
changes; rebuilt from the signals after bulk loads (bench, demo)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeMonthCount(models.Model):
    month = models.DateField(_("month"))
    theme = models.ForeignKey("signals.SignalTheme", on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(_("number of signals"), default=0)

    class Meta:
        verbose_name = _("signals per theme and month")
        verbose_name_plural = _("signals per theme and month")
        constraints = [
            models.UniqueConstraint(fields=["month", "theme"], name="theme_month_count_once")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.theme_id}: {self.count}"


class LocationMonthCount(models.Model):
    month = models.DateField(_("month"))
    # The location's id, 0 for "no location given" (a unique key, so no NULL).
    location_key = models.PositiveIntegerField(_("location"))
    count = models.PositiveIntegerField(_("number of signals"), default=0)

    class Meta:
        verbose_name = _("signals per location and month")
        verbose_name_plural = _("signals per location and month")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "location_key"], name="location_month_count_once"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.location_key}: {self.count}"
