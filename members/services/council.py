"""The council's dated rules: the secretary enters changed rules with the day they apply from."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Council, CouncilRules
from wijraad.audit import acting

# The numbers of CouncilRules a new record sets (everything but its date).
RULE_FIELDS = tuple(
    field.name
    for field in CouncilRules._meta.concrete_fields
    if field.name not in ("id", "valid_from")
)


def council_rules_add(*, valid_from, by=None, **numbers):
    """Record changed council rules that apply from `valid_from` (today or later: the past keeps
    the rules that applied then, so a year's report uses them). Numbers left out are those of
    the rules in force on that day."""
    unknown = set(numbers) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"council_rules_add() got unexpected fields: {sorted(unknown)}")
    if valid_from < timezone.localdate():
        raise ValidationError(
            {
                "valid_from": ValidationError(
                    _("Changed rules apply from today or later, not from the past."),
                    code="in_the_past",
                )
            }
        )
    with transaction.atomic():
        Council.lock()
        if CouncilRules.objects.filter(valid_from=valid_from).exists():
            raise ValidationError(
                {
                    "valid_from": ValidationError(
                        _("There already are rules that apply from this day."), code="taken"
                    )
                }
            )
        base = CouncilRules.objects.in_force(valid_from)
        values = {name: getattr(base, name) for name in RULE_FIELDS}
        values.update(numbers)
        with acting(by):
            rules = CouncilRules(valid_from=valid_from, **values)
            rules.full_clean()
            rules.save()
    return rules
