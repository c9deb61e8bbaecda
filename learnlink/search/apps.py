from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "learnlink.search"
    label = "search"
