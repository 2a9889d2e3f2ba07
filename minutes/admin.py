"""Admin for editors: correct what the parser read; every correction is locked against re-ingest."""
from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from ingest import i18n
from ingest.forms import PlainTextField
from ingest.tasks import enqueue_parse
from minutes import case_building
from minutes.followups import decide
from minutes.identity import merge_organisations, merge_persons, name_key, organisation_key
from minutes.models import (
    AgendaItem,
    Attachment,
    Body,
    Case,
    CaseItem,
    Decision,
    FollowUp,
    Meeting,
    Organisation,
    OrganisationAlias,
    Participant,
    Person,
    PersonAlias,
    SourceDocument,
    Topic,
)
from minutes.models.base import Lockable, edited_fields, lock_changed
from minutes.models.people import AliasSource
from minutes.topics import matching_topics

admin.site.site_header = _("DASSOS referatarkiv – redaktion")
admin.site.site_title = _("DASSOS redaktion")
admin.site.index_title = _("Ret det indlæste")

# Texts read back with LF line ends (a browser sends a textarea with CRLF), as on the review
# page: an edit elsewhere on the page leaves a text's stored bytes alone.
PLAIN_TEXT = {models.TextField: {"form_class": PlainTextField}}


def _curate(parent: Lockable, rows: str) -> None:
    """An editor removed some of `parent`'s rows: later parses must not add rows back."""
    parent.lock(rows)
    parent.save(update_fields=["locked_fields"])


def _lines(texts) -> str:
    """Stored messages as a list on the page, or a dash for none."""
    texts = list(texts)
    if not texts:
        return "–"
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((t,) for t in texts)))


def public_link(obj) -> str:
    """A link to the public page, or a dash until the page's URL exists."""
    try:
        url = obj.get_absolute_url()
    except NoReverseMatch:
        return "–"
    return format_html('<a href="{}">{}</a>', url, _("offentlig side"))


def source_link(source: SourceDocument | None) -> str:
    if source is None or not source.file:
        return "–"
    # The staff-only download view, never the file's MEDIA_URL: uploads are not served directly.
    url = reverse("ingest:original", args=[source.pk])
    return format_html('<a href="{}">{}</a>', url, source.original_filename)


def corrected_fields(obj: Lockable) -> str:
    """The hand-corrected fields by their names on the page ("titel, referat"), or a dash."""
    names = []
    for name in obj.locked_fields or []:
        if name in ROW_NAMES:
            names.append(str(ROW_NAMES[name]))
            continue
        try:
            names.append(str(obj._meta.get_field(name).verbose_name))
        except (FieldDoesNotExist, AttributeError):
            names.append(name)
    return ", ".join(names) or "–"


# Locks on a whole list of rows: the editor's list, to which a parse adds nothing.
ROW_NAMES = {
    "participants": _("deltagerlisten"),
    "items": _("dagsordenspunkterne"),
    "decisions": _("beslutningerne"),
    "attachments": _("bilagene"),
    "topics": _("emnerne"),
    "presenters": _("oplægsholderne"),
}


class LockingAdmin(SimpleHistoryAdmin):
    """Locks the fields an editor changes, on the page itself and in its inlines.

    The lock list itself is shown, read-only, by the fields' names: the editor's edits set it.
    """

    formfield_overrides = PLAIN_TEXT

    @admin.display(description=_("rettet i hånden"))
    def corrected(self, obj):
        return corrected_fields(obj) if obj.pk else "–"

    def save_model(self, request, obj, form, change):
        lock_changed(form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form not in formset.deleted_forms:
                lock_changed(inline_form)
        parent = form.instance
        deleted = any(f.instance.pk for f in formset.deleted_forms)
        if deleted and isinstance(parent, Lockable):
            _curate(parent, formset.get_default_prefix())
        super().save_formset(request, form, formset, change)


class YearFilter(admin.SimpleListFilter):
    title = _("år")
    parameter_name = "year"
    date_path = "date"

    def lookups(self, request, model_admin):
        dates = Meeting.objects.dates("date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in dates]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.date_path}__year": int(self.value())})
        return queryset


class ItemYearFilter(YearFilter):
    date_path = "meeting__date"


class DecisionYearFilter(YearFilter):
    date_path = "item__meeting__date"


def _queue_rereads(modeladmin, request, sources) -> None:
    """Queue a re-read of each source for the background worker, as an upload is read: the
    parser (OCR included) never runs inside a web request. The upload list shows the progress."""
    for source in sources:
        enqueue_parse(source, reread=True)
    count = len(sources)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d kildedokument sat i kø til at blive læst igen; se status under "
            "Sekretariat.",
            "%(count)d kildedokumenter sat i kø til at blive læst igen; se status under "
            "Sekretariat.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "full_name"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "full_name"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    formfield_overrides = PLAIN_TEXT
    fields = ["order", "number", "section", "title"]
    extra = 0
    show_change_link = True


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ["order", "person", "organisation", "role", "status", "note"]
    autocomplete_fields = ["person", "organisation"]
    extra = 0


class SourceInline(admin.TabularInline):
    model = SourceDocument
    fields = ["original_filename", "status", "uploaded_at", "uploaded_by", "download"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("fil"))
    def download(self, obj):
        return source_link(obj)


@admin.register(Meeting)
class MeetingAdmin(LockingAdmin):
    list_display = ["date", "body", "status", "item_count", "source", "public_page"]
    list_filter = ["body", YearFilter, "status"]
    list_select_related = ["body", "current_source"]
    search_fields = ["location", "room", "items__title"]
    date_hierarchy = "date"
    readonly_fields = [
        "current_source_link", "public_page", "corrected", "created_at", "updated_at"
    ]
    fields = [
        "body",
        "date",
        "status",
        ("start_time", "end_time"),
        "location",
        "room",
        "current_source_link",
        "public_page",
        "corrected",
        ("created_at", "updated_at"),
    ]
    inlines = [AgendaItemInline, ParticipantInline, SourceInline]
    actions = ["publish", "unpublish", "reparse"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("punkter"), ordering="item_count")
    def item_count(self, obj):
        return obj.item_count

    @admin.display(description=_("kildedokument"))
    def source(self, obj):
        return source_link(obj.current_source)

    @admin.display(description=_("gældende kildedokument"))
    def current_source_link(self, obj):
        return source_link(obj.current_source)

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    def _set_status(self, request, queryset, published: bool) -> None:
        for meeting in queryset:
            meeting.set_published(published)
        count = queryset.count()
        self.message_user(
            request, ngettext("%d møde ændret.", "%d møder ændret.", count) % count
        )

    @admin.action(description=_("Offentliggør valgte møder"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, True)

    @admin.action(description=_("Træk valgte møder tilbage (kladde)"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, False)

    @admin.action(
        description=_("Læs valgte møder igen fra kildedokumentet"), permissions=["change"]
    )
    def reparse(self, request, queryset):
        sources = [m.current_source for m in queryset.select_related("current_source")]
        _queue_rereads(self, request, [s for s in sources if s is not None])


class DecisionInline(admin.StackedInline):
    model = Decision
    formfield_overrides = PLAIN_TEXT
    fields = ["order", "outcome", "text"]
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    formfield_overrides = PLAIN_TEXT
    fields = ["order", "label", "title", "url", "file"]
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(LockingAdmin):
    list_display = ["number", "title", "meeting", "section", "public_page"]
    list_filter = [
        "meeting__body",
        ItemYearFilter,
        "section",
        "decisions__outcome",
        "topics",
    ]
    list_select_related = ["meeting", "meeting__body"]
    search_fields = ["title", "indstilling", "referat", "sagsfremstilling", "presenters_text"]
    date_hierarchy = "meeting__date"
    autocomplete_fields = ["meeting", "presenters"]
    filter_horizontal = ["topics"]
    readonly_fields = ["public_page", "source", "other_parts_text", "corrected"]
    fields = [
        "meeting",
        ("number", "order"),
        "section",
        "title",
        "presenters_text",
        "presenters",
        "indstilling",
        "referat",
        "sagsfremstilling",
        "other_parts_text",
        ("page_start", "page_end"),
        "topics",
        "public_page",
        "source",
        "corrected",
    ]
    inlines = [DecisionInline, AttachmentInline]

    def delete_model(self, request, obj):
        _curate(obj.meeting, "items")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for meeting in Meeting.objects.filter(items__in=queryset).distinct():
            _curate(meeting, "items")
        super().delete_queryset(request, queryset)

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    @admin.display(description=_("kildedokument"))
    def source(self, obj):
        return source_link(obj.meeting.current_source) if obj.pk else "–"

    @admin.display(description=_("øvrige afsnit"))
    def other_parts_text(self, obj):
        parts = obj.other_parts or {}
        if not parts:
            return "–"
        return format_html_join(
            "", "<p><strong>{}</strong><br>{}</p>", ((k, v) for k, v in parts.items())
        )


@admin.register(Decision)
class DecisionAdmin(LockingAdmin):
    list_display = ["item", "outcome", "meeting_date"]
    list_filter = ["outcome", "item__meeting__body", DecisionYearFilter, "item__topics"]
    list_select_related = ["item", "item__meeting"]
    search_fields = ["text", "item__title"]
    date_hierarchy = "item__meeting__date"
    autocomplete_fields = ["item"]
    fields = ["item", "order", "outcome", "text", "public_page", "corrected"]
    readonly_fields = ["public_page", "corrected"]

    def delete_model(self, request, obj):
        _curate(obj.item, "decisions")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for item in AgendaItem.objects.filter(decisions__in=queryset).distinct():
            _curate(item, "decisions")
        super().delete_queryset(request, queryset)

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    @admin.display(description=_("mødedato"), ordering="item__meeting__date")
    def meeting_date(self, obj):
        return obj.item.meeting.date


class AliasInline(admin.TabularInline):
    """The spellings of a person or an organisation; an editor's new ones are marked as such."""

    fields = ["name", "source"]
    readonly_fields = ["source"]
    extra = 0


class PersonAliasInline(AliasInline):
    model = PersonAlias


class OrganisationAliasInline(AliasInline):
    model = OrganisationAlias


class AliasedAdmin(SimpleHistoryAdmin):
    """Persons and organisations: their spellings (aliases) kept findable by lookup key, and
    merging the selected rows into the one with the most participations.

    A subclass names its alias key function, its merge function and the annotation its list
    orders by, and wraps `merge_selected` in an admin action with its own wording.
    """

    alias_key: Callable[[str], str]  # a staticmethod: name → lookup key
    merge_into: Callable[[Any, Any], Any]  # a staticmethod: (keep, other) → keep
    count_annotation: str  # participations, as the list shows and orders them
    too_few_message: str

    def get_queryset(self, request):
        count = Count("participations")
        return super().get_queryset(request).annotate(**{self.count_annotation: count})

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        key = self.alias_key(obj.name)
        if not obj.aliases.model.objects.filter(key=key).exists():
            obj.aliases.create(name=obj.name, key=key, source=AliasSource.ADMIN)

    def save_formset(self, request, form, formset, change):
        for alias_form in formset.forms:
            alias_form.instance.key = self.alias_key(alias_form.instance.name or "")
            if not alias_form.instance.pk:
                alias_form.instance.source = AliasSource.ADMIN
        super().save_formset(request, form, formset, change)

    def merge_selected(self, request, queryset) -> None:
        """Merge the selected rows into the one with the most participations (then the oldest)."""
        rows = list(queryset.order_by(f"-{self.count_annotation}", "pk"))
        if len(rows) < 2:
            self.message_user(request, self.too_few_message, messages.WARNING)
            return
        keep = rows[0]
        for other in rows[1:]:
            self.merge_into(keep, other)
        self.message_user(request, _("Slået sammen til %(name)s.") % {"name": keep.name})


@admin.register(Person)
class PersonAdmin(AliasedAdmin):
    list_display = ["name", "meetings", "public_page"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "name_locked", "public_page"]
    readonly_fields = ["public_page"]
    inlines = [PersonAliasInline]
    actions = ["merge"]
    alias_key = staticmethod(name_key)
    merge_into = staticmethod(merge_persons)
    count_annotation = "meeting_count"
    too_few_message = _("Vælg mindst to personer.")

    @admin.display(description=_("møder"), ordering="meeting_count")
    def meetings(self, obj):
        return obj.meeting_count

    def save_model(self, request, obj, form, change):
        if change and "name" in edited_fields(form):
            obj.name_locked = True  # an editor's spelling wins over later parses
        super().save_model(request, obj, form, change)

    @admin.action(
        description=_("Slå valgte personer sammen (til den med flest møder)"),
        permissions=["change"],
    )
    def merge(self, request, queryset):
        self.merge_selected(request, queryset)


@admin.register(Organisation)
class OrganisationAdmin(AliasedAdmin):
    list_display = ["name", "kind", "participation_count", "public_page"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "public_page"]
    readonly_fields = ["public_page"]
    inlines = [OrganisationAliasInline]
    actions = ["merge"]
    alias_key = staticmethod(organisation_key)
    merge_into = staticmethod(merge_organisations)
    count_annotation = "participation_count"
    too_few_message = _("Vælg mindst to organisationer.")

    @admin.display(description=_("deltagelser"), ordering="participation_count")
    def participation_count(self, obj):
        return obj.participation_count

    @admin.action(
        description=_("Slå valgte organisationer sammen (til den med flest deltagelser)"),
        permissions=["change"],
    )
    def merge(self, request, queryset):
        self.merge_selected(request, queryset)


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "item_count", "public_page"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "match_terms", "public_page"]
    readonly_fields = ["public_page"]
    actions = ["apply_rules"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("punkter"), ordering="item_count")
    def item_count(self, obj):
        return obj.item_count

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    @admin.action(
        description=_("Anvend valgte emners regler på alle punkter (ikke håndrettede)"),
        permissions=["change"],
    )
    def apply_rules(self, request, queryset):
        topics = list(queryset)
        changed = 0
        for item in AgendaItem.objects.prefetch_related("topics"):
            if item.is_locked("topics"):
                continue
            wanted = set(
                matching_topics(
                    topics, title=item.title, indstilling=item.indstilling, referat=item.referat
                )
            )
            current = {t for t in item.topics.all() if t in topics}
            if wanted != current:
                item.topics.remove(*(current - wanted))
                item.topics.add(*(wanted - current))
                changed += 1
        self.message_user(
            request, ngettext("%d punkt ændret.", "%d punkter ændret.", changed) % changed
        )


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_filename", "status", "meeting", "kind", "pages", "uploaded_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["meeting", "meeting__body"]
    search_fields = ["original_filename", "sha256", "error"]
    date_hierarchy = "uploaded_at"
    readonly_fields = [
        "file_link",
        "original_filename",
        "sha256",
        "size",
        "kind",
        "pages",
        "parser_version",
        "status",
        "error",
        "warnings_text",
        "conflicts_text",
        "personal_data",
        "meeting",
        "uploaded_by",
        "uploaded_at",
        "parse_started_at",
        "parsed_at",
        "text",
        "raw_text",
    ]
    fields = ["body_hint", "date_hint", *readonly_fields]
    actions = ["reparse"]

    def has_add_permission(self, request):
        return False  # sources come in through `manage.py ingest` or the upload page

    @admin.display(description=_("fil"))
    def file_link(self, obj):
        return source_link(obj)

    @admin.display(description=_("advarsler"))
    def warnings_text(self, obj):
        return _lines(i18n.translate(w) for w in obj.warnings or [])

    @admin.display(description=_("uoverensstemmelser"))
    def conflicts_text(self, obj):
        return _lines(i18n.describe_conflict(c) for c in obj.conflicts or [])

    @admin.action(description=_("Læs valgte kildedokumenter igen"), permissions=["change"])
    def reparse(self, request, queryset):
        _queue_rereads(self, request, list(queryset))


@admin.register(FollowUp)
class FollowUpAdmin(LockingAdmin):
    """Follow-ups: correct what was read (locked against re-ingest like any correction), link
    the answer, and decide: the actions confirm the suggested answer or mark done or dropped."""

    list_display = ["__str__", "actor", "item", "due", "status", "suggested_answer"]
    list_filter = ["status", "due_kind", "source", "item__meeting__body"]
    list_select_related = [
        "item__meeting__body", "suggested_answer__meeting__body",
    ]
    search_fields = ["actor", "action", "due_text", "item__title"]
    date_hierarchy = "due"
    raw_id_fields = ["item", "person", "organisation", "answered_by"]
    readonly_fields = [
        "source", "suggested_answer", "suggestion_evidence", "status_changed_by",
        "status_changed_at", "public_page", "corrected",
    ]
    fields = [
        "item",
        "actor",
        ("person", "organisation"),
        "action",
        ("due_text", "due", "due_kind"),
        "source",
        "status",
        "answered_by",
        ("suggested_answer", "suggestion_evidence"),
        ("status_changed_by", "status_changed_at"),
        "public_page",
        "corrected",
    ]
    actions = ["confirm_answer", "mark_done", "mark_dropped"]

    def save_model(self, request, obj, form, change):
        if {"status", "answered_by"} & set(edited_fields(form)):
            if obj.answered_by_id and obj.status == FollowUp.Status.OPEN:
                obj.status = FollowUp.Status.ANSWERED  # linking the answer answers it
            obj.status_changed_by = request.user
            obj.status_changed_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    def _decide(self, request, queryset, action: str) -> None:
        done = sum(decide(followup, action, request.user) for followup in queryset)
        self.message_user(request, ngettext(
            "%(count)d opfølgning er ændret.", "%(count)d opfølgninger er ændret.", done
        ) % {"count": done}, messages.SUCCESS if done else messages.WARNING)

    @admin.action(description=_("Bekræft det foreslåede svar"), permissions=["change"])
    def confirm_answer(self, request, queryset):
        self._decide(request, queryset.exclude(suggested_answer=None), "confirm")

    @admin.action(description=_("Markér som udført"), permissions=["change"])
    def mark_done(self, request, queryset):
        self._decide(request, queryset, "done")

    @admin.action(description=_("Markér som opgivet"), permissions=["change"])
    def mark_dropped(self, request, queryset):
        self._decide(request, queryset, "dropped")


class CaseItemInline(admin.TabularInline):
    model = CaseItem
    fields = ["item", "status", "evidence", "confidence", "decided_by", "decided_at"]
    readonly_fields = ["evidence", "confidence", "decided_by", "decided_at"]
    raw_id_fields = ["item"]
    extra = 0


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Cases: rename (the builder then keeps the name), confirm or reject items in the inline,
    merge the selected cases; split items off from the case items list."""

    list_display = ["name", "status", "link_count", "public_page"]
    list_filter = ["status"]
    search_fields = ["name", "links__item__title"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "status", "created_by", "public_page"]
    readonly_fields = ["created_by", "public_page"]
    inlines = [CaseItemInline]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(link_count=Count("links"))

    @admin.display(description=_("punkter"), ordering="link_count")
    def link_count(self, obj):
        return obj.link_count

    @admin.display(description=_("offentlig side"))
    def public_page(self, obj):
        return public_link(obj) if obj.pk else "–"

    def save_model(self, request, obj, form, change):
        lock_changed(form)  # a name an editor chose is kept by later builds
        if not change:
            obj.created_by = request.user
            obj.status = Case.Status.CONFIRMED
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for link_form in formset.forms:
            link = link_form.instance
            if link_form in formset.deleted_forms or not link_form.has_changed():
                continue
            if link.item_id and not link.number:
                link.body_id = link.item.meeting.body_id
                link.meeting_date, link.number = link.item.meeting.date, link.item.number
            if "status" in link_form.changed_data or not link.pk:
                link.decided_by, link.decided_at = request.user, timezone.now()
                if link.status == CaseItem.Status.SUGGESTED:
                    link.decided_by = link.decided_at = None
        super().save_formset(request, form, formset, change)

    @admin.action(
        description=_("Slå valgte sager sammen (til den med flest punkter)"), permissions=["change"]
    )
    def merge(self, request, queryset):
        cases = list(queryset.order_by("-link_count", "pk"))
        if len(cases) < 2:
            self.message_user(request, _("Vælg mindst to sager."), messages.WARNING)
            return
        case_building.merge(cases[0], cases[1:], request.user)
        self.message_user(request, _("Slået sammen til %(name)s.") % {"name": cases[0].name})


@admin.register(CaseItem)
class CaseItemAdmin(admin.ModelAdmin):
    """Every item of every case: filter by case, split the selected ones off into a new case."""

    list_display = ["case", "meeting_date", "number", "item_title", "status", "evidence"]
    list_filter = ["status", "case"]
    list_select_related = ["case", "item"]
    search_fields = ["case__name", "item__title"]
    fields = ["case", "item", "status", "evidence", "confidence", "decided_by", "decided_at"]
    readonly_fields = ["evidence", "confidence", "decided_by", "decided_at"]
    raw_id_fields = ["item"]
    actions = ["split"]

    @admin.display(description=_("titel"))
    def item_title(self, obj):
        return obj.item.title if obj.item else "–"

    def save_model(self, request, obj, form, change):
        if obj.item_id and not obj.number:
            obj.body_id = obj.item.meeting.body_id
            obj.meeting_date, obj.number = obj.item.meeting.date, obj.item.number
        if "status" in form.changed_data or not change:
            obj.decided_by, obj.decided_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(
        description=_("Udskil valgte punkter til en ny sag (fra én sag)"), permissions=["change"]
    )
    def split(self, request, queryset):
        links = list(queryset.select_related("case", "item"))
        cases = {link.case for link in links}
        if len(cases) != 1:
            self.message_user(request, _("Vælg punkter fra én og samme sag."), messages.WARNING)
            return
        [case] = cases
        first = min(links, key=lambda link: (link.meeting_date, link.number))
        name = f"{case.name}: {first.item.title if first.item else first.number}"[:200]
        new = case_building.split(case, links, name, request.user)
        self.message_user(request, format_html(
            _("Udskilt til den nye sag <a href=\"{}\">{}</a>; giv den et bedre navn der."),
            reverse("admin:minutes_case_change", args=[new.pk]), new.name,
        ))
