"""The archive's public URLs: readable Danish paths that stay stable."""
from django.urls import path, register_converter

from minutes.views import decisions, home, items, meetings, people, search, topics


class IsoDateConverter:
    """A meeting date in the path, as in /moeder/2024-03-01/ (kept a string for reverse())."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "minutes"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("moeder/", meetings.MeetingListView.as_view(), name="meetings"),
    path("moeder/<int:year>/", meetings.MeetingYearView.as_view(), name="meetings-year"),
    path("moeder/<isodate:date>/", meetings.MeetingDetailView.as_view(), name="meeting"),
    path("moeder/<isodate:date>/punkt/<str:number>/", items.ItemDetailView.as_view(), name="item"),
    path("beslutninger/", decisions.DecisionListView.as_view(), name="decisions"),
    path("beslutninger.csv", decisions.decisions_csv, name="decisions-csv"),
    path("soeg/", search.SearchView.as_view(), name="search"),
    path("emner/", topics.TopicListView.as_view(), name="topics"),
    path("emner/<slug:slug>/", topics.TopicDetailView.as_view(), name="topic"),
    path("personer/<slug:slug>/", people.PersonDetailView.as_view(), name="person"),
    path(
        "organisationer/<slug:slug>/",
        people.OrganisationDetailView.as_view(),
        name="organisation",
    ),
]
