"""manage.py build_cases: suggest cases over the whole archive (loads do it per meeting)."""
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from minutes.case_building import build_cases


class Command(BaseCommand):
    help = _(
        "Foreslår sager for hele arkivet ud fra fælles navngivne ting; bekræftede og afviste "
        "punkter røres ikke."
    )

    def handle(self, *args, **options):
        built = build_cases()
        self.stdout.write(
            _("%(created)d nye sager, %(linked)d nye forslag, %(unlinked)d forslag fjernet, "
              "%(removed)d sager fjernet.")
            % {"created": built.created, "linked": built.linked, "unlinked": built.unlinked,
               "removed": built.removed}
        )
