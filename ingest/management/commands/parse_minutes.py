"""`manage.py parse_minutes FILE [--json]`: parse one referat, print its tree, store nothing."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.contract import ParsedMeeting, ParseError
from ingest.load import limits_from_settings
from ingest.pipeline import parse_document


def summary(parsed: ParsedMeeting) -> str:
    """A readable overview: meeting, participants, then one block per agenda item."""
    meeting = parsed.meeting
    when = meeting.date.isoformat() if meeting.date else "date unknown"
    if meeting.start_time and meeting.end_time:
        when += f", {meeting.start_time:%H:%M}-{meeting.end_time:%H:%M}"
    place = ", ".join(part for part in (meeting.location, meeting.room) if part)
    present = sum(1 for p in parsed.participants if p.status == "present")
    absent = len(parsed.participants) - present
    lines = [
        f"{meeting.body} {when}" + (f" — {place}" if place else ""),
        f"Source: {parsed.source.filename} ({parsed.source.kind}"
        + (f", {parsed.source.pages} pages" if parsed.source.pages else "")
        + f"), sha256 {parsed.source.sha256[:12]}",
        f"Participants: {present} present, {absent} absent"
        if parsed.participants else "Participants: no list in the document",
        f"Items: {len(parsed.items)}",
    ]
    section = None
    for item in parsed.items:
        if item.section != section:
            section = item.section
            lines.append(f"\n{section or '(no section)'}")
        lines.append(f"  {item.number} {item.title}  [{item.outcome}]")
        if item.presenters:
            lines.append(f"      Ved: {', '.join(item.presenters)}")
        if item.indstilling:
            lines.append(f"      Indstilling: {len(item.indstilling)} point(s)")
        if item.referat:
            first = " ".join(item.referat.split())
            lines.append(f"      Referat: {first[:100]}{'…' if len(first) > 100 else ''}")
        for attachment in item.attachments:
            link = f" <{attachment.url}>" if attachment.url else ""
            lines.append(f"      {attachment.label}: {attachment.title}{link}")
    if parsed.warnings:
        lines.append("\nWarnings:")
        lines.extend(f"  - {warning}" for warning in parsed.warnings)
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Parse one referat (PDF, text, Markdown) and print what was found; nothing is stored."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the referat file")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the parse tree as JSON"
        )

    def handle(self, *args, file: str, as_json: bool = False, **options):
        path = Path(file)
        limits = limits_from_settings()
        try:
            # A file over the limit is refused before it is read into memory.
            if path.is_file() and path.stat().st_size > limits.max_bytes:
                raise CommandError(
                    f"The file is {path.stat().st_size / 1e6:.0f} MB; "
                    f"the limit is {limits.max_bytes / 1e6:.0f} MB.",
                    returncode=2,
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}.", returncode=2) from None
        except IsADirectoryError:
            raise CommandError(f"{file} is a folder, not a file.", returncode=2) from None
        except PermissionError:
            raise CommandError(f"{file} cannot be read (permission denied).", returncode=2) \
                from None
        try:
            parsed = parse_document(data, path.name, limits)
        except ParseError as error:
            raise CommandError(str(error), returncode=2) from None
        if as_json:
            self.stdout.write(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(parsed))
