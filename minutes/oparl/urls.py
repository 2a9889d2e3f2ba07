"""OParl 1.1 URLs under /oparl/v1/: the object ids, so they must never change."""
from django.urls import path, re_path

from minutes.oparl import views

app_name = "oparl"

urlpatterns = [
    path("", views.system, name="system"),
    path("bodies/", views.body_list, name="body-list"),
    path("body/<slug:slug>/", views.body, name="body"),
    path("body/<slug:slug>/meetings/", views.body_meetings, name="body-meetings"),
    path("body/<slug:slug>/agenda-items/", views.body_agendaitems, name="body-agendaitems"),
    path("body/<slug:slug>/persons/", views.body_persons, name="body-persons"),
    path("body/<slug:slug>/organizations/", views.body_organizations, name="body-organizations"),
    path("body/<slug:slug>/files/", views.body_files, name="body-files"),
    path("body/<slug:slug>/papers/", views.body_papers, name="body-papers"),
    path("body/<slug:slug>/memberships/", views.body_memberships, name="body-memberships"),
    path("body/<slug:slug>/locations/", views.body_locations, name="body-locations"),
    path(
        "body/<slug:slug>/legislative-terms/",
        views.body_legislative_terms,
        name="body-legislative-terms",
    ),
    path(
        "body/<slug:slug>/consultations/", views.body_consultations, name="body-consultations"
    ),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("meeting/<int:pk>/location/", views.location, name="location"),
    path("agenda-item/<int:pk>/", views.agenda_item, name="agendaitem"),
    path("person/<int:pk>/", views.person, name="person"),
    path("paper/<int:pk>/", views.paper, name="paper"),
    path("consultation/<int:pk>/", views.consultation, name="consultation"),
    path("organization/<int:pk>/", views.organization, name="organization"),
    re_path(r"^file/(?P<kind>source|bilag)-(?P<pk>[0-9]+)/$", views.file, name="file"),
    # Last: any other path is an OParl Error (JSON, cross-origin readable), not an HTML 404.
    re_path(r"^(?P<rest>.+)$", views.not_found, name="not-found"),
]
