from learnlink.mentoring.resources.urls import urlpatterns as resources

app_name = "mentoring"
urlpatterns = [*resources]
