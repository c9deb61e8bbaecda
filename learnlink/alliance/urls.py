from django.urls import path

from learnlink.alliance import cost_views, evaluation_views, reflection_views, views

app_name = "alliance"
urlpatterns = [
    path("", views.alliance_list, name="alliances"),
    path("<slug:slug>/", views.dashboard, name="alliance"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/export.xlsx", views.spreadsheet, name="export"),
    # reflection and feedback
    path("<slug:slug>/cycles/<int:number>/reflection/", reflection_views.reflection,
         name="reflection"),
    path("<slug:slug>/cycles/<int:number>/reflection/<int:partner>/", reflection_views.answer,
         name="answer"),
    path("<slug:slug>/cycles/<int:number>/synthesis/", reflection_views.synthesis,
         name="synthesis"),
    path("<slug:slug>/cycles/<int:number>/synthesis/publish/", reflection_views.publish,
         name="publish_synthesis"),
    # performance evaluation
    path("<slug:slug>/evaluations/", evaluation_views.index, name="evaluations"),
    path("<slug:slug>/evaluations/criteria/", evaluation_views.criteria, name="criteria"),
    path("<slug:slug>/evaluations/criteria/<int:pk>/", evaluation_views.criteria,
         name="criterion"),
    path("<slug:slug>/evaluations/threshold/", evaluation_views.policy, name="policy"),
    path("<slug:slug>/evaluations/<int:participant>/", evaluation_views.person,
         name="evaluation_person"),
    path("<slug:slug>/evaluations/<int:participant>/cycles/<int:number>/",
         evaluation_views.record, name="evaluate"),
    path("<slug:slug>/evaluations/<int:participant>/cycles/<int:number>/action/",
         evaluation_views.action, name="action"),
    # shared responsibilities and costs
    path("<slug:slug>/costs/", cost_views.costs, name="costs"),
    path("<slug:slug>/costs/budget-lines/new/", cost_views.budget_line, name="budget_line"),
    path("<slug:slug>/costs/commitments/new/", cost_views.commitment, name="commitment"),
    path("<slug:slug>/costs/contributions/new/", cost_views.contribution, name="contribution"),
    path("<slug:slug>/costs/rates/new/", cost_views.rate, name="rate"),
    path("<slug:slug>/partners/<int:partner>/responsibilities/", cost_views.responsibilities,
         name="responsibilities"),
]
