from django.urls import path

from learnlink.impact import views

app_name = "impact"
urlpatterns = [
    path("<slug:slug>/", views.report, name="report"),
    path("<slug:slug>/products/", views.products, name="products"),
    path("<slug:slug>/gender/", views.gender, name="gender"),
    path("<slug:slug>/buyers/", views.buyers, name="buyers"),
    path("<slug:slug>/print/", views.printable, name="print"),
    path("<slug:slug>/impact.csv", views.export_csv, name="csv"),
    path("<slug:slug>/impact.xlsx", views.export_xlsx, name="xlsx"),
    path("<slug:slug>/sales/new/", views.new_sale, name="new_sale"),
    path("<slug:slug>/import/", views.import_file, name="import"),
    path("<slug:slug>/import/template.xlsx", views.template, name="template"),
    path("<slug:slug>/conversions/", views.conversions, name="conversions"),
    path("<slug:slug>/conversions/<int:pk>/delete/", views.delete_conversion,
         name="delete_conversion"),
]
