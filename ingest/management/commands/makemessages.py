"""`manage.py makemessages` that also extracts the parser's plural messages.

The parsing half of ingest has no Django: it marks its Danish msgids with
`ingest.parsing.messages.gettext_noop` (a keyword Django's command already knows) and, for
sentences with a count, `ingest.parsing.messages.ngettext_noop(singular, plural)`, which this
adds (Django's documented way to customise the command).
"""
from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=ngettext_noop:1,2"]
