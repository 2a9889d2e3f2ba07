"""The OpenSearch description: lets a browser search the archive from its address bar."""
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def opensearch(request: HttpRequest):
    context = {
        "search_url": request.build_absolute_uri(reverse("minutes:search")),
        "feed_url": request.build_absolute_uri(reverse("opendata:search-feed")),
        "self_url": request.build_absolute_uri(reverse("opendata:opensearch")),
    }
    return render(
        request, "opensearch.xml", context, content_type="application/opensearchdescription+xml"
    )
