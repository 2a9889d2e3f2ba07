"""The public URL names and shapes the models link to (minutes/urls.py will provide them)."""
from django.urls import include, path
from django.views.generic import View

planned = (
    [
        path("moeder/<str:date>/", View.as_view(), name="meeting"),
        path("moeder/<str:date>/punkt/<str:number>/", View.as_view(), name="item"),
        path("personer/<slug:slug>/", View.as_view(), name="person"),
        path("organisationer/<slug:slug>/", View.as_view(), name="organisation"),
        path("emner/<slug:slug>/", View.as_view(), name="topic"),
    ],
    "minutes",
)

urlpatterns = [path("", include(planned))]
