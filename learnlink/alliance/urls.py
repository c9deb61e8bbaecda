from django.urls import path

from learnlink.alliance import views
from learnlink.alliance.calendar import views as calendar_views
from learnlink.alliance.costs import views as cost_views
from learnlink.alliance.evaluation import views as evaluation_views
from learnlink.alliance.planning import views as plan_views
from learnlink.alliance.reflection import views as reflection_views
from learnlink.alliance.spaces import guide_views
from learnlink.alliance.spaces import views as space_views

app_name = "alliance"
urlpatterns = [
    path("", views.alliance_list, name="alliances"),
    # Before the alliances' own pages: "guides" and "calendar" are not alliance slugs.
    path("guides/", guide_views.guide_list, name="guides"),
    path("guides/<slug:slug>/", guide_views.guide, name="guide"),
    path("guides/<slug:slug>/documents/<int:pk>/<str:filename>", guide_views.guide_document,
         name="guide_document"),
    path("calendar/<str:token>.ics", calendar_views.person_calendar, name="person_calendar"),
    path("<slug:slug>/", views.dashboard, name="alliance"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/export.xlsx", views.spreadsheet, name="export"),
    path("<slug:slug>/cycles/new/", views.cycle_new, name="cycle_new"),
    path("<slug:slug>/cycles/<int:number>/", plan_views.cycle, name="cycle"),
    path("<slug:slug>/cycles/<int:number>/spaces/new/", space_views.space_new,
         name="space_new"),
    path("<slug:slug>/cycles/<int:number>/plans/<int:partner_pk>/", plan_views.plan,
         name="plan"),
    path("<slug:slug>/cycles/<int:number>/plans/<int:partner_pk>/edit/", plan_views.plan_edit,
         name="plan_edit"),
    path("<slug:slug>/cycles/<int:number>/plans/<int:partner_pk>/tasks/new/",
         plan_views.task_new, name="task_new"),
    path("<slug:slug>/spaces/<int:pk>/", space_views.space, name="space"),
    path("<slug:slug>/spaces/<int:pk>/edit/", space_views.space_edit, name="space_edit"),
    path("<slug:slug>/spaces/<int:pk>/attendance/", space_views.attendance, name="attendance"),
    path("<slug:slug>/tasks/<int:pk>/", plan_views.task, name="task"),
    path("<slug:slug>/tasks/<int:pk>/done/", plan_views.task_done, name="task_done"),
    path("<slug:slug>/tasks/<int:pk>/drop/", plan_views.task_drop, name="task_drop"),
    path("<slug:slug>/tasks/<int:pk>/reopen/", plan_views.task_reopen, name="task_reopen"),
    path("<slug:slug>/tasks/<int:pk>/dates/<int:request_pk>/", plan_views.task_new_date,
         name="task_new_date"),
    path("<slug:slug>/accountability/", plan_views.accountability, name="accountability"),
    path("<slug:slug>/calendar/", calendar_views.calendar_links, name="calendar_links"),
    path("<slug:slug>/calendar.ics", calendar_views.alliance_calendar, name="calendar"),
    path("<slug:slug>/calendar/<str:token>.ics", calendar_views.alliance_calendar_signed,
         name="calendar_signed"),
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
