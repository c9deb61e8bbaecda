from django.apps import AppConfig
from django.core import checks


class WebConfig(AppConfig):
    name = "learnlink.web"
    label = "web"

    def ready(self) -> None:
        from learnlink.web.staticfiles import static_files_collected

        checks.register(static_files_collected)
