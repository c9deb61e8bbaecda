"""A story's photo: sent from a camera with its GPS position, it is served small, upright,
without any metadata, with its alt text, under the piece's own rule; what is not a photo, or
is a bomb of pixels, is refused on the form and nothing is saved."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from learnlink.knowledge import photos
from learnlink.knowledge.models import Story
from tests.knowledge.test_stories import form

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def camera_jpeg(width: int = 2400, height: int = 1600) -> bytes:
    """A noisy photo (hard to compress) as a phone takes it: large, on its side (EXIF
    orientation 6: turn it a quarter clockwise) and with where it was taken."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[GPS_IFD] = {1: "S", 2: (5.0, 10.0, 12.0), 3: "E", 4: (38.0, 47.0, 3.0)}
    out = io.BytesIO()
    Image.effect_noise((width, height), 64).convert("RGB").save(
        out, "JPEG", quality=95, exif=exif, comment=b"Kilulu village")
    assert Image.open(io.BytesIO(out.getvalue())).getexif().get_ifd(GPS_IFD)
    return out.getvalue()


def bomb_jpeg(width: int, height: int) -> bytes:
    """A JPEG of a few hundred bytes whose header claims `width` by `height` pixels."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "green").save(out, "JPEG")
    data = bytearray(out.getvalue())
    frame = data.index(b"\xff\xc0") + 5  # the frame header: precision, then height, width
    data[frame:frame + 4] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def upload(data: bytes, name: str = "kilulu.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


@pytest.fixture
def with_photo(client, network, mentor) -> Story:
    """An interview sent with a camera's photo, then published."""
    client.force_login(mentor)
    client.post(reverse("stories:new"), form(
        network, mentor, photo=upload(camera_jpeg()),
        photo_alt="Daudi writes the rice prices on the billboard"))
    story = Story.objects.get()
    client.post(reverse("stories:publish", args=[story.pk]))
    client.logout()
    return story


def test_the_served_photo_is_small_upright_and_without_its_location(client, with_photo):
    html = client.get(with_photo.get_absolute_url()).content.decode()
    address = reverse("stories:photo", args=[with_photo.pk])
    assert f'src="{address}?v={with_photo.photo_digest}"' in html
    assert 'alt="Daudi writes the rice prices on the billboard"' in html

    response = client.get(address)
    served = response.content
    image = Image.open(io.BytesIO(served))

    assert response["Content-Type"] == "image/jpeg"
    assert len(served) <= 30 * 1024
    assert image.width <= 640 and image.height > image.width, "turned upright"
    assert not image.getexif() and b"Exif" not in served and b"Kilulu village" not in served
    assert "icc_profile" not in image.info and "comment" not in image.info
    assert "max-age=31536000" in response["Cache-Control"]
    again = client.get(address, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_drafts_photo_is_private_like_the_draft(client, with_photo, outsider):
    with_photo.state = "draft"
    with_photo.save(update_fields=["state"])
    address = reverse("stories:photo", args=[with_photo.pk])

    assert client.get(address).status_code == 302
    client.force_login(outsider)
    assert client.get(address).status_code == 404


@pytest.mark.parametrize(("data", "error"), [
    (bomb_jpeg(20000, 20000), "The photo has too many pixels"),  # Pillow's own bound
    (bomb_jpeg(10000, 6000), "The photo has too many pixels (10000 × 6000)"),  # ours
    (b"Minutes of the meeting, not a photo.", "This file is not a photo"),
])
def test_a_bomb_and_a_non_image_are_refused_and_nothing_is_saved(
        client, network, mentor, data, error):
    client.force_login(mentor)
    response = client.post(reverse("stories:new"), form(
        network, mentor, photo=upload(data), photo_alt="A photo"))

    assert response.status_code == 200 and error in response.content.decode()
    assert not Story.objects.exists()


def test_a_photo_needs_its_alt_text_and_can_be_removed(client, network, mentor, with_photo):
    client.force_login(mentor)
    html = client.post(reverse("stories:new"), form(
        network, mentor, title="Another", photo=upload(camera_jpeg(300, 200)))).content.decode()
    assert "Say in a few words what the photo shows" in html
    assert Story.objects.count() == 1

    client.post(reverse("stories:edit", args=[with_photo.pk]), {
        **form(network, mentor, kind="story"), "remove_photo": "on"})
    with_photo.refresh_from_db()
    assert not with_photo.has_photo and with_photo.photo is None
    assert client.get(reverse("stories:photo", args=[with_photo.pk])).status_code == 404


def test_an_upload_over_10_mb_is_refused_before_it_is_read():
    with pytest.raises(photos.PhotoError, match="larger than 10 MB"):
        photos.process(io.BytesIO(b""), photos.MAX_UPLOAD + 1)


@pytest.mark.django_db
def test_the_database_refuses_a_photo_over_30_kb_that_did_not_go_through_photos():
    with pytest.raises(IntegrityError), transaction.atomic():
        Story.objects.create(title="Too big", summary="s", language="en",
                             photo=b"\xff" * (30 * 1024 + 1), photo_digest="0" * 16)
    Story.objects.create(title="Small", summary="s", language="en",
                         photo=b"\xff" * (30 * 1024), photo_digest="0" * 16)
