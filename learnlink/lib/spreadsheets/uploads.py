"""The form every spreadsheet import's page uploads its file with (the impact tables', a
group's invitations'): it validates the kind of file and hands the importers a path."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx or .csv)"))
    largest: int | None = None  # bytes; an import whose files are small refuses a huge one

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an .xlsx or a .csv file."))
        if self.largest is not None and upload.size > self.largest:
            raise forms.ValidationError(_("The file is larger than %(size)s: split it.")
                                        % {"size": filesizeformat(self.largest)})
        return upload

    @contextmanager
    def saved_file(self) -> Iterator[Path]:
        """The valid upload on disk, under its own name, while it is read: the spreadsheet
        readers open a path and know the kind by its suffix."""
        upload = self.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            with path.open("wb") as saved:
                for chunk in upload.chunks():
                    saved.write(chunk)
            yield path
