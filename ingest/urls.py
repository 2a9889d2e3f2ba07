"""The secretariat's pages, mounted at /sekretariat/."""
from django.urls import path

from ingest.views import review, source_pages, uploads

app_name = "ingest"

urlpatterns = [
    path("", uploads.uploads, name="uploads"),
    path("raekker/", uploads.upload_rows, name="upload_rows"),
    path("<int:pk>/", review.review, name="review"),
    path("<int:pk>/offentliggoer/", review.publish, name="publish"),
    path("<int:pk>/igen/", review.retry, name="retry"),
    path("<int:pk>/erstat/", review.replace, name="replace"),
    path("<int:pk>/kasser/", review.discard, name="discard"),
    path("<int:pk>/original/", review.original, name="original"),
    path("<int:pk>/anonymiseret/", review.redacted, name="redacted"),
    path("<int:pk>/side/<int:page>.png", source_pages.page_image, name="page_image"),
]
