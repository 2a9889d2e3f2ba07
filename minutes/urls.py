from django.urls import path
from django.views.generic import TemplateView

app_name = "minutes"

urlpatterns = [
    path("", TemplateView.as_view(template_name="minutes/home.html"), name="home"),
]
