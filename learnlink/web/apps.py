from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "learnlink.web"
    label = "web"
