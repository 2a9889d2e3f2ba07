"""The archive's public URLs: readable Danish paths that stay stable."""
from django.urls import path

from minutes import (
    converters,  # noqa: F401 - registers <isodate:…>
    exports,
)
from minutes.views import (
    cases,
    decisions,
    directories,
    home,
    items,
    meetings,
    people,
    search,
    topics,
)
from minutes.views import followups as followup_views

app_name = "minutes"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("moeder/", meetings.MeetingListView.as_view(), name="meetings"),
    path("moeder/<int:year>/", meetings.MeetingYearView.as_view(), name="meetings-year"),
    # A meeting is known by its date and body; the date alone leads to the meeting held that
    # day, or lets the reader choose when several bodies met (the archive's first URLs).
    path("moeder/<isodate:date>/", meetings.meeting_on_date, name="meeting-date"),
    path("moeder/<isodate:date>/punkt/<str:number>/", items.item_on_date, name="item-date"),
    path("moeder/<isodate:date>/<slug:body>/", meetings.MeetingDetailView.as_view(),
         name="meeting"),
    path("moeder/<isodate:date>/<slug:body>/punkt/<str:number>/",
         items.ItemDetailView.as_view(), name="item"),
    path("beslutninger/", decisions.DecisionListView.as_view(), name="decisions"),
    path("beslutninger.csv", exports.decisions_csv, name="decisions-csv"),
    path("soeg/", search.SearchView.as_view(), name="search"),
    path("emner/", topics.TopicListView.as_view(), name="topics"),
    path("emner/<slug:slug>/", topics.TopicDetailView.as_view(), name="topic"),
    path("sager/", cases.CaseListView.as_view(), name="cases"),
    path("sager/<slug:slug>/", cases.CaseDetailView.as_view(), name="case"),
    path("sager/<slug:slug>/beslut/", cases.decide, name="case-decide"),
    path("personer/", directories.PersonListView.as_view(), name="people"),
    path("organisationer/", directories.OrganisationListView.as_view(), name="organisations"),
    path("personer/<slug:slug>/", people.PersonDetailView.as_view(), name="person"),
    path(
        "organisationer/<slug:slug>/",
        people.OrganisationDetailView.as_view(),
        name="organisation",
    ),
    path("opfoelgning/", followup_views.FollowUpListView.as_view(), name="followups"),
    path("opfoelgning/<int:pk>/", followup_views.FollowUpDetailView.as_view(), name="followup"),
    path("opfoelgning/<int:pk>/status/", followup_views.decide_followup, name="followup-decide"),
]
