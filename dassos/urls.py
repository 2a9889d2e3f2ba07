from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/", include("django.contrib.auth.urls")),
    path("sekretariat/", include("ingest.urls")),
    path("", include("minutes.urls")),
    path("", include("minutes.urls_opendata")),
]
# No static() route for MEDIA_URL, even in DEBUG: uploaded files are served only by views that
# look them up by id and check who may see them (minutes.downloads, ingest.views.review.original).
