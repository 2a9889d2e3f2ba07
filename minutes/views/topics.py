"""Topics: the list, and one topic's items as a timeline across meetings."""
from django.core.paginator import Paginator
from django.views.generic import DetailView, ListView

from minutes.case_links import CASE_LIMIT, cases_of
from minutes.models import AgendaItem, Topic
from minutes.public import items_with_outcomes, topics_with_counts

PAGE_SIZE = 50


class TopicListView(ListView):
    template_name = "minutes/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return topics_with_counts()


class TopicDetailView(DetailView):
    model = Topic
    template_name = "minutes/topic_detail.html"
    context_object_name = "topic"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = items_with_outcomes().filter(topics=self.object).order_by("-meeting__date", "order")
        page = Paginator(items, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            items=page.object_list,
            page_obj=page,
            cases=cases_of(AgendaItem.objects.filter(topics=self.object)),
            case_limit=CASE_LIMIT,
        )
        return context
