"""The themes the network's exchanges keep coming back to, in its three languages. The network
adds others in the admin."""

from django.db import migrations

THEMES = [
    ("brokering-deals-with-buyers", "Brokering deals with buyers",
     "Mapatano na wanunuzi", "Négociation d’accords avec les acheteurs"),
    ("collaboration-along-a-market-chain", "Collaboration along a market chain",
     "Ushirikiano katika mnyororo wa soko", "Collaboration le long de la filière"),
    ("market-information", "Market information",
     "Taarifa za masoko", "Information sur les marchés"),
    ("bulking-and-joint-marketing", "Bulking and joint marketing through umbrella associations",
     "Kukusanya mazao na kuuza pamoja kupitia vyama mwamvuli",
     "Groupage et vente conjointe par les associations faîtières"),
    ("new-enterprises", "New enterprises", "Biashara mpya", "Nouvelles entreprises"),
    ("warehouse-receipts", "Warehouse receipts", "Stakabadhi za ghala", "Récépissés d’entrepôt"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("mentoring", "Theme")
    for slug, name, name_sw, name_fr in THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={
            "name": name, "name_sw": name_sw, "name_fr": name_fr})


def unseed(apps, schema_editor):
    apps.get_model("mentoring", "Theme").objects.filter(
        slug__in=[slug for slug, *_names in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0004_resources")]
    operations = [migrations.RunPython(seed, unseed)]
