"""The admin keeps a practice's origin and adoptions (inline, each checked by its `clean`), and
a story's questions; a story's photo is sent through the site's form, which makes it small."""

from django.contrib import admin

from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin, Question, Story


class OriginInline(admin.StackedInline):
    model = PracticeOrigin
    autocomplete_fields = ["organisation", "place"]


class AdoptionInline(admin.TabularInline):
    model = Adoption
    fk_name = "practice"
    extra = 0
    autocomplete_fields = ["organisation", "place", "thread", "learned_from"]
    raw_id_fields = ["introduction"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "state", "published"]
    list_filter = ["state", "language", "themes"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["enterprises", "place", "organisations", "authors", "mentor",
                           "threads", "translation_of"]
    raw_id_fields = ["syntheses", "writeup"]
    filter_horizontal = ["themes"]
    inlines = [OriginInline, AdoptionInline]


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["practice", "organisation", "date", "status", "channel"]
    list_filter = ["status", "channel"]
    search_fields = ["organisation__name", "practice__title"]
    autocomplete_fields = ["practice", "organisation", "place", "thread", "learned_from"]
    raw_id_fields = ["introduction"]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "language", "state"]
    list_filter = ["kind", "state", "language"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["author", "organisations", "practices", "translation_of"]
    inlines = [QuestionInline]
