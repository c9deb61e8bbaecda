"""A story's photo, made fit for a phone on a metered line before it is stored.

An upload is bounded twice: its size in bytes (a larger file is not even opened) and its
pixels, read from the header before any decoding, so a small file that claims to be 20,000
pixels square (a decompression bomb) is refused without filling the memory. What passes is
turned upright by its EXIF orientation, made at most `MAX_WIDTH` wide, and re-encoded as a new
JPEG that carries no metadata at all: the camera's EXIF (with the GPS position of a farmer's
home), comments and colour profiles stay behind. Quality, then size, step down until it weighs
`MAX_BYTES` at most.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from typing import IO

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from learnlink.knowledge.models.stories import PHOTO_BYTES

MAX_UPLOAD = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 48-megapixel phone camera passes
MAX_WIDTH = 640
MAX_HEIGHT = 960
MAX_BYTES = PHOTO_BYTES
QUALITIES = (80, 70, 60, 50, 40)


class PhotoError(ValueError):
    """Why an upload cannot be a photo, in words for the form."""


def process(upload: IO[bytes], size: int) -> bytes:
    """The photo to store: a clean JPEG of at most `MAX_BYTES`; PhotoError if it cannot be."""
    if size > MAX_UPLOAD:
        raise PhotoError(_("The photo is larger than 10 MB: send a smaller one."))
    image = _opened(upload)
    if image.width * image.height > MAX_PIXELS:
        raise PhotoError(_("The photo has too many pixels (%(width)s × %(height)s): send a "
                           "smaller one.") % {"width": image.width, "height": image.height})
    try:
        image.draft("RGB", (MAX_HEIGHT, MAX_HEIGHT))  # a JPEG decodes straight to a smaller size
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, ValueError) as error:
        raise PhotoError(_("The photo could not be read: it may be damaged.")) from error
    return _small_jpeg(_bare(upright))


def digest(photo: bytes) -> str:
    """Names one version of a photo: its ETag, and the query that busts the readers' cache."""
    return hashlib.sha256(photo).hexdigest()[:16]


def _opened(upload: IO[bytes]) -> Image.Image:
    """The image as its header describes it; anything Pillow cannot open is refused, and so is
    a bomb that Pillow itself refuses before our own bound is asked."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(upload)
    except Image.DecompressionBombError as error:
        raise PhotoError(_("The photo has too many pixels: send a smaller one.")) from error
    except (UnidentifiedImageError, OSError) as error:
        raise PhotoError(_("This file is not a photo (JPEG, PNG, GIF or WebP).")) from error


def _bare(image: Image.Image) -> Image.Image:
    """The pixels alone, at most `MAX_WIDTH` by `MAX_HEIGHT`, in RGB, on white where they
    were transparent: a new image, so nothing of the original's info comes along."""
    rgba = image.convert("RGBA")
    rgba.thumbnail((MAX_WIDTH, MAX_HEIGHT), Image.Resampling.LANCZOS)
    bare = Image.new("RGB", rgba.size, "white")
    bare.paste(rgba, mask=rgba.getchannel("A"))
    return bare


def _small_jpeg(image: Image.Image) -> bytes:
    """Lower the quality first, then the size, until the JPEG fits in `MAX_BYTES`."""
    while True:
        for quality in QUALITIES:
            out = io.BytesIO()
            image.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() <= MAX_BYTES:
                return out.getvalue()
        image = image.resize((max(1, image.width * 3 // 4), max(1, image.height * 3 // 4)),
                             Image.Resampling.LANCZOS)
